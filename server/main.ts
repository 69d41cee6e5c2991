// The process entry point: parse configuration, build the app, listen, and shut down gracefully.
// Everything else lives in app.ts so tests build the same server without a port.
import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { ConfigError, parseEnv } from './config/env.js';
import { resolveSessionSecret } from './config/session-secret.js';
import { buildApp } from './app.js';

async function main(): Promise<void> {
  let env;
  try {
    env = parseEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const config = { ...env, SESSION_SECRET: resolveSessionSecret(env.DATA_DIR, env.SESSION_SECRET) };
  // Asynchronous log writes keep logging off the request path; flushed below before the process exits.
  const logDestination = pino.destination({ dest: 1, sync: false });
  const app = await buildApp(config, { logger: { level: config.LOG_LEVEL, stream: logDestination } });

  // On SIGTERM/SIGINT: stop accepting, tell streams and sockets to reconnect elsewhere, close the database.
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    logDestination.flushSync();
  });

  await app.listen({ port: config.PORT, host: config.HOST });
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const lines = [`Switchboard is running on http://${shownHost}:${config.PORT}`];
  if (app.generatedAdminPassword) {
    lines.push(`Sign in as "admin" with the password ${app.generatedAdminPassword} (shown once; set ADMIN_PASSWORD to choose one),`);
    lines.push('or create your own account on the sign-in page.');
  } else {
    lines.push('Sign in as "admin" (password from ADMIN_PASSWORD or the first start), or create an account on the sign-in page.');
  }
  // Printed plainly, outside the JSON log, because a person reads it.
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
