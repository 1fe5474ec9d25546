import type { Metadata } from "next";
import { ZodJitless } from "@/components/zod-jitless";
import { getLocale, getMessages } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getMessages();
  return { title: { default: t.app.name, template: `%s · ${t.app.short}` } };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={await getLocale()}>
      <body className="min-h-screen antialiased">
        <ZodJitless />
        {children}
      </body>
    </html>
  );
}
