// The name of the port on which the background pushes updates. Its own zod-free module, so that
// the content script can connect without importing the message schemas (src/messages.ts).
export const UPDATES_PORT = 'll-updates';
