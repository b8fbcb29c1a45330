/** A row whose attempts are spent before this claim: it fails at once, without another try. */
export class GiveUp extends Error {}
