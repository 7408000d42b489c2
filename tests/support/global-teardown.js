module.exports = async function globalTeardown() {
  const child = globalThis.__TEST_ENV__;
  if (!child || child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGTERM");
    setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, 30_000).unref();
  });
};
