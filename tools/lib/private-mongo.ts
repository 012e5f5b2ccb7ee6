import { createConnection } from 'mongoose';
import { uniqueName } from '@base-shift/testing';

/** `base` (the test environment's MONGO_URL) pointed at a database of this run alone, `<label>_<pid>_<random>`. */
export function privateMongoUrl(base: string, label: string): string {
  const url = new URL(base);
  url.pathname = `/${uniqueName(label).replace(/-/g, '_')}`;
  return url.toString();
}

/** Drops the run's database at the end, so nothing of it stays on the shared server. */
export async function dropMongoDatabase(url: string): Promise<void> {
  const mongo = await createConnection(url).asPromise();
  await mongo.dropDatabase();
  await mongo.close();
}
