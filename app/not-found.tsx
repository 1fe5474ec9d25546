import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getMessages();
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-lg font-semibold">404</h1>
      <p className="text-sm text-slate-600">{t.common.notFound}</p>
      <Link href="/" className="text-sm text-blue-700 underline">
        {t.common.backHome}
      </Link>
    </main>
  );
}
