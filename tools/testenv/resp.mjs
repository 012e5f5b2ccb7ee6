// Just enough of the Redis protocol (RESP2) to ask a server a few questions
// (PING, AUTH, CLUSTER INFO) without a client library.
import net from 'node:net';
import tls from 'node:tls';

/** A reply starting with '-': the server refused the command. */
export class RedisReplyError extends Error {
  name = 'RedisReplyError';
}

/**
 * Connects to a redis:// or rediss:// URL (authenticating with its user/password),
 * sends each command in `commands` in turn and resolves to the last reply.
 * Rejects on connection errors, error replies and after `timeoutMs` overall.
 */
export function redisCommands(redisUrl, commands, { timeoutMs = 2000 } = {}) {
  const url = new URL(redisUrl);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    return Promise.reject(new Error(`${redisUrl} is not a redis:// or rediss:// URL`));
  }
  const auth = url.password ? [['AUTH', ...(url.username ? [decodeURIComponent(url.username)] : []), decodeURIComponent(url.password)]] : [];
  const options = { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 6379) };
  const socket = url.protocol === 'rediss:' ? tls.connect({ ...options, servername: options.host }) : net.connect(options);

  return new Promise((resolve, reject) => {
    const queue = [...auth, ...commands];
    let buffer = Buffer.alloc(0);
    const finish = (err, value) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(value);
    };
    const timer = setTimeout(() => finish(new Error(`${url.host} did not answer within ${timeoutMs}ms`)), timeoutMs);
    const sendNext = () => socket.write(encode(queue[0]));

    socket.once(url.protocol === 'rediss:' ? 'secureConnect' : 'connect', sendNext);
    socket.on('error', (err) => finish(err));
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const parsed = parseReply(buffer, 0);
      if (!parsed) return; // incomplete, wait for more
      buffer = buffer.subarray(parsed.next);
      if (parsed.value instanceof RedisReplyError) return finish(parsed.value);
      queue.shift();
      if (queue.length === 0) return finish(null, parsed.value);
      sendNext();
    });
  });
}

/** True if the server at `redisUrl` answers PING with PONG. */
export async function pingRedis(redisUrl, options) {
  try {
    return (await redisCommands(redisUrl, [['PING']], options)) === 'PONG';
  } catch {
    return false;
  }
}

function encode(args) {
  let out = `*${args.length}\r\n`;
  for (const arg of args) out += `$${Buffer.byteLength(String(arg))}\r\n${arg}\r\n`;
  return out;
}

function parseReply(buf, offset) {
  const end = buf.indexOf('\r\n', offset);
  if (end === -1) return null;
  const type = String.fromCharCode(buf[offset]);
  const line = buf.toString('utf8', offset + 1, end);
  const next = end + 2;
  switch (type) {
    case '+':
      return { value: line, next };
    case '-':
      return { value: new RedisReplyError(line), next };
    case ':':
      return { value: Number(line), next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, next };
      if (buf.length < next + length + 2) return null;
      return { value: buf.toString('utf8', next, next + length), next: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      const items = [];
      let at = next;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buf, at);
        if (!item) return null;
        items.push(item.value);
        at = item.next;
      }
      return { value: count < 0 ? null : items, next: at };
    }
    default:
      return { value: new RedisReplyError(`unexpected reply type ${JSON.stringify(type)}`), next: buf.length };
  }
}
