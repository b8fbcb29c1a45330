/**
 * What jest gives the `plugin` project for `@twilio/flex-ui`: the real 2.17.1 package. The
 * hand-written stand-in that lived here is gone: the plugin's tests run on Flex's own Actions,
 * content stores, Notifications and components (the `plugin-real-flex` project,
 * src/*.real-flex.test.tsx). The one thing that needs Twilio, the signed-in Manager, is faked in
 * test-support/offline-flex.tsx and handed to the plugin as Flex hands it to `init`.
 */
module.exports = jest.requireActual('@twilio/flex-ui');
