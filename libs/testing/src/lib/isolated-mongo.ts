import { requireTestEnv, uniqueName } from './test-env';

/**
 * The test MongoDB URL with a database of its own; drop it in afterAll
 * (`connection.dropDatabase()`) so runs never see each other's documents.
 */
export function isolatedMongoUrl(label = 'test'): string {
  const url = new URL(requireTestEnv('MONGO_URL'));
  url.pathname = `/${uniqueName(`bs_${label}`).replace(/-/g, '_')}`;
  return url.toString();
}
