/**
 * The sign-in methods, built from the environment: password (demo and break-glass accounts),
 * an email magic link when an SMTP server is configured, and Microsoft Entra ID (OIDC) when its
 * three settings are present. Kept apart from the next-auth options so a test can check which
 * providers a given environment switches on without a browser or an identity provider.
 */
import type { Provider } from "next-auth/providers/index";
import AzureADProvider from "next-auth/providers/azure-ad";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { passwordSignInSchema } from "@/server/auth/sign-in-schema";

export type ProviderEnv = {
  EMAIL_SERVER?: string;
  EMAIL_FROM: string;
  AZURE_AD_CLIENT_ID?: string;
  AZURE_AD_CLIENT_SECRET?: string;
  AZURE_AD_TENANT_ID?: string;
};

export type ProviderHooks = {
  /**
   * Checks an email and password; returns the user or null, or throws when sign-in is limited.
   * `headers` are the request's (lower-case names), for the client's address.
   */
  authorizePassword(
    email: string,
    password: string,
    headers: Record<string, unknown>,
  ): Promise<{ id: string; email: string; name: string | null } | null>;
  /** Sends the magic link (server/email). */
  sendMagicLink(params: { identifier: string; url: string }): Promise<void>;
};

export function buildProviders(e: ProviderEnv, hooks: ProviderHooks): Provider[] {
  const providers: Provider[] = [
    CredentialsProvider({
      id: "password",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = passwordSignInSchema.safeParse(raw);
        if (!parsed.success) return null;
        return hooks.authorizePassword(parsed.data.email, parsed.data.password, req?.headers ?? {});
      },
    }),
  ];
  if (e.EMAIL_SERVER) {
    providers.push(
      EmailProvider({
        server: e.EMAIL_SERVER,
        from: e.EMAIL_FROM,
        maxAge: 15 * 60, // a link is good for 15 minutes
        sendVerificationRequest: ({ identifier, url }) => hooks.sendMagicLink({ identifier, url }),
      }),
    );
  }
  if (e.AZURE_AD_CLIENT_ID && e.AZURE_AD_CLIENT_SECRET && e.AZURE_AD_TENANT_ID) {
    providers.push(
      AzureADProvider({
        clientId: e.AZURE_AD_CLIENT_ID,
        clientSecret: e.AZURE_AD_CLIENT_SECRET,
        tenantId: e.AZURE_AD_TENANT_ID,
        // Accounts are created by an administrator beforehand; signing in with Entra ID links to
        // the existing user with the same (tenant-verified) email address.
        allowDangerousEmailAccountLinking: true,
      }),
    );
  }
  return providers;
}
