/**
 * The suggestion rules' settings, with their defaults in one place. Phrases are written in the
 * language of phrase-pattern.ts (`a|b` either word, `a_b` words together, `word?` optional, `*` up
 * to three words, `^` start of a clause), on normalised text: "can't" is `cant`, "do not" is `dont`.
 */
export interface SuggestionConfig {
  /** Customer → agent exchanges without resolution before `many_exchanges`. */
  minExchanges: number;
  /** Messages (either side) after the customer's image before `image_not_enough`. */
  messagesAfterImage: number;
  /** Words failing the customer: `hard_to_explain`. */
  hardToExplain: readonly string[];
  /** Requests to show it or to talk live that need nothing else: `asked_for_video`. */
  askForVideo: readonly string[];
  /** A live medium ("video call", "screen share")... */
  liveMedia: readonly string[];
  /** ...counts as asked for only beside a request in the same clause ("could we", "is it possible"). */
  requestCues: readonly string[];
  /** Words right before a live medium that make it something the customer talks about, not asks for ("my video call keeps freezing", "I had a call"). */
  productDeterminers: readonly string[];
  /** The customer turns video down: no suggestion at all. */
  declinesVideo: readonly string[];
  /** The customer says it is solved or clear now: no suggestion at all. */
  settled: readonly string[];
  /** Words that undo a phrase when one of the two words before it ("not hard to explain"). */
  negators: readonly string[];
}

export const DEFAULT_SUGGESTION_CONFIG: SuggestionConfig = {
  minExchanges: 3,
  messagesAfterImage: 2,
  hardToExplain: [
    'hard|difficult|tough|tricky|impossible|complicated to explain|describe|put|say|word|articulate',
    'cant|couldnt really|even|quite|properly? explain|describe|articulate',
    'dont|didnt|no even|really|quite? know|idea|clue how|what else? to? explain|describe|say|put|call|word|phrase',
    'not sure how|what to explain|describe|say|put|word|call',
    'how|what do|can|should|would i even? explain|describe|say|put|call',
    'struggling|struggle|trouble|hard_time to? explain|explaining|describe|describing',
    'words are? fail|failing|escape|escaping',
    'doesnt|dont|didnt make any? sense',
    'make|makes|made no sense',
    'keeps|kept|keep doing|does|did this|a|some|that weird|strange|odd|funny|bizarre thing',
    'acting|behaving|glitching weird|weirdly|strange|strangely|odd|oddly|funny',
    'where exactly|even|the_heck|on_earth do|should|can|am i click|tap|press|go|supposed',
    'where do|should i click|tap|press',
    'dont know where|what to click|tap|go|look|do',
    'where is|are that|this|those|these|the * supposed|meant to be',
    'which button|icon|setting|settings|option|menu|tab|link|one do|did you mean',
    'which button|icon|setting|settings|option|menu|tab|link|one you mean',
    'what do|did you mean',
    'cant|dont|still_cant|cant_seem_to find|see * option|options|button|buttons|setting|settings|menu|tab|icon|link|one',
    'there is no * tab|button|option|menu|setting|icon|link',
    'am|totally|completely|so|really|bit|little|getting|still lost|confused',
    'lost me',
    'so|very|really|too|super|bit|is confusing',
    'not_sure|no_idea|no_clue|dont_know what i am|im looking at',
    'doesnt|dont|didnt|nothing match|matches|looks_like|look_like what|my_screen|your|the_instructions|the_steps|mine',
    'dont|still_dont get|understand it|what|this|that|which|how|you',
    'didnt understand',
    'cant|dont follow|understand the|your? instructions|steps|directions',
    'easier|faster|quicker|simpler * show * than explain|describe|type|typing|write|writing|words',
  ],
  askForVideo: [
    'can|could|would|will|may you|someone|somebody|anyone|guys just? show|demonstrate me|us',
    'can|could|may|shall|should|let i|we|me just? show you',
    'easier|faster|quicker|simpler|better if|to i? show|showed|film|record you|it|this',
    'rather|prefer|like|love to? show you',
    'if i send|sent|record|recorded|film|filmed|make|made you? a|an|some quick|short|little? video|clip|recording',
    'send|record|film|make|do|take|shoot you? a|an|some? quick|short|little|small? video|videos|clip|recording|screen_recording|screencast !call|calls|chat',
    'film|record|screen_record|screenrecord|video it|this|that|my_screen|the_screen|the_problem|the_issue',
    'can|could|would|will|please you|someone|somebody|anyone|guys? call|ring|phone me|us',
    'call|ring|phone me instead|back|now|please|asap',
    'give me a call|ring|buzz',
    'hop|jump|get on|onto a|an? quick|short? video|phone? call',
    'talk|speak|chat * face_to_face|on_the_phone|over_the_phone|on_video|over_video|on_camera|on_a_call|in_person',
  ],
  liveMedia: [
    'video_call|video_chat|videochat|videocall|video_support|video_session|video_meeting|facetime|zoom_call|zoom_meeting|on_zoom|do_zoom|teams_call|skype|whatsapp_video',
    'screen_share|screen_sharing|screenshare|screensharing',
    'share|show my|your|the? screen',
    'see|look_at|view my screen',
    'face_to_face',
    'a|quick|phone|short call',
    'on_a_call|on_video|on_camera',
    'it_live|me_live|this_live|live_with_me',
  ],
  requestCues: [
    'can|could|would|will|shall|may|lets|possible|any_chance|is_there|do_you|id_like|would_like|like_to|id_love|love_a|love_to|want|prefer|rather|please|happy_to|how_about|ok_to|okay_to|available|an_option',
  ],
  productDeterminers: ['the', 'my', 'your', 'our', 'his', 'her', 'their', 'this', 'its', 'that', 'had', 'got', 'missed', 'received', 'during'],
  declinesVideo: [
    'no|dont|didnt|not need|needed|want|necessary * video|videos|call|calls|screen|camera|facetime|zoom',
    '^ no video|videos|call|calls|camera|screen_share|facetime',
    'please no video|videos|call|calls|camera|screen_share|facetime',
    'no video|call|calls please|thanks|thank_you|necessary|needed',
    'dont|please_dont|dont_want_you_to call|ring|phone me|us',
    'cant|wont_be_able_to|unable_to|not_able_to|not_be_able_to|cant_really do|join|take|use? a|an? video|call|calls|camera|facetime',
    'rather not * video|call|camera|screen',
    'video|call|chat|screen_share|camera * isnt|wont|not be? necessary|needed',
    'not looking_for|interested_in|comfortable|keen * video|call|camera|calls|on_camera',
  ],
  settled: [
    'that|this|it explains|explained it|everything|that|things',
    '^ makes|made sense',
    'that|it|ok|okay|this|now makes|made total|perfect? sense',
    'never_mind|nevermind|nvm',
    'found it|figured_it_out|figured_that_out|worked_it_out',
    'got it working|to_work',
    'working|works|fine|good|normal again|now',
    'back to normal',
    'did the trick',
    'that|this fixed|solved|sorted|worked|works',
    '^ sorted|solved|fixed|resolved',
    'all sorted|good|set|fixed|working',
    'i see it? now',
    'cleared it|that|things up',
    'thanks|thank_you for explaining|the_explanation',
    'great|good|clear|nice|perfect explanation',
    'you can close',
  ],
  negators: ['not', 'never', 'no', 'isnt', 'wasnt', 'cant', 'dont', 'wont', 'didnt', 'doesnt', 'couldnt'],
};
