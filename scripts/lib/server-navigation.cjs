// Preload for command-line scripts that import lib/ code reaching next/navigation
// (pathId's notFound). Inside Next that name resolves to the React Server build;
// under plain tsx it would load the client router, which needs React's client API.
const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === "next/navigation" ? "next/dist/api/navigation.react-server.js" : request, ...rest);
};
