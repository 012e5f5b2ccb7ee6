/** A sign-in with single sign-on that could not finish; the message is for the person signing in. */
export class OidcSignInError extends Error {
  override readonly name = 'OidcSignInError';
}
