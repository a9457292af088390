/** What the development provider and its users (the API's config, the token tools) share. */
export const WEB_CLIENT_ID = 'selfcare-web';
export const DEVELOPMENT_TOOLS_CLIENT_ID = 'selfcare-dev-tools';
/** Known to every developer, like the provider itself: it exists only on laptops and in tests. */
export const DEVELOPMENT_TOOLS_CLIENT_SECRET = 'oxygen-selfcare-development-tools-not-for-production';
export const DEVELOPMENT_TOKEN_GRANT = 'urn:oxygen:params:oauth:grant-type:development-token';
/** The scope of the API's access tokens (the resource server's one scope). */
export const API_SCOPE = 'api';
export const WEB_CLIENT_SCOPE = `openid profile offline_access ${API_SCOPE}`;
/** The API as a resource indicator (RFC 8707 wants an absolute URI); its tokens' `aud` is AUTH_AUDIENCE. */
export const API_RESOURCE = 'urn:oxygen:selfcare-api';
