// Preload for command-line scripts that import lib/ code reaching next/navigation
// (pathId's notFound). Inside Next that name resolves to the React Server build;
// under plain tsx it would load the client router, which needs React's client API.
// A preload given to `node --require` is CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === "next/navigation" ? "next/dist/api/navigation.react-server.js" : request, ...rest);
};
