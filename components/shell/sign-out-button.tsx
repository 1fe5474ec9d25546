"use client";
import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton({ label }: { label: string }) {
  return (
    <Button variant="ghost" size="sm" aria-label={label} title={label} onClick={() => signOut({ callbackUrl: "/login" })}>
      <LogOut className="h-4 w-4" aria-hidden />
      {/* Icon only on a phone, where the header has no room for the words. */}
      <span className="hidden sm:inline">{label}</span>
    </Button>
  );
}
