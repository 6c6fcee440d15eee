/** The RFC 9457 problem document every error uses (see errors.ts and CONTRACT.md). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
}
