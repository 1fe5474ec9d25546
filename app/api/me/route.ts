// GET /api/me — who the dashboard session belongs to; the JSON 401 contract for dashboard APIs.
import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/http/json";

export async function GET() {
  const user = await requireApiUser("VIEWER");
  if (user instanceof NextResponse) return user;
  return NextResponse.json({ user });
}
