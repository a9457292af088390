/** What the development provider and its users (the API's config, the token tools) share. */
import { INSTALLER_VENDOR } from '../../domain/visits';

export const WEB_CLIENT_ID = 'selfcare-web';
export const DEVELOPMENT_TOOLS_CLIENT_ID = 'selfcare-dev-tools';
/** Known to every developer, like the provider itself: it exists only on laptops and in tests. */
export const DEVELOPMENT_TOOLS_CLIENT_SECRET = 'oxygen-selfcare-development-tools-not-for-production';
/**
 * The installer vendors the development provider's technicians belong to (local/auth/people.ts):
 * the ISP's, and another one the tests use. Its tokens naming any other vendor are refused (403).
 */
export const DEVELOPMENT_VENDORS = [INSTALLER_VENDOR, 'ICONNET'] as const;
export const DEVELOPMENT_TOKEN_GRANT = 'urn:oxygen:params:oauth:grant-type:development-token';
/** The scope of the API's access tokens (the resource server's one scope). */
export const API_SCOPE = 'api';
export const WEB_CLIENT_SCOPE = `openid profile offline_access ${API_SCOPE}`;
/** The API as a resource indicator (RFC 8707 wants an absolute URI); its tokens' `aud` is AUTH_AUDIENCE. */
export const API_RESOURCE = 'urn:oxygen:selfcare-api';
/**
 * The standalone Temporal Web UI's client (npm run cluster): a confidential client, as its server
 * exchanges the code itself. Its secret is a development one, known like the provider itself.
 */
export const TEMPORAL_UI_CLIENT_ID = 'temporal-ui';
export const TEMPORAL_UI_CLIENT_SECRET = 'oxygen-temporal-ui-development-secret-not-for-production';
/** What the UI asks for: its ID token (`openid profile`), an access token for the API, a refresh token. */
export const TEMPORAL_UI_SCOPE = `openid profile offline_access ${API_SCOPE}`;
/** Where the UI server receives the code (its fixed route). */
export const temporalUiCallbackUrl = (uiUrl: string) => `${uiUrl.replace(/\/+$/, '')}/auth/sso/callback`;
