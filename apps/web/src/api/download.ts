import { ApiError } from './client';

/**
 * Saves a file the API answered (a PDF, a CSV) under `fileName`: the request carries the session's token,
 * which a plain link could not.
 */
export async function saveDownload(
  call: Promise<{ data?: Blob; response: Response }>,
  fileName: string,
): Promise<void> {
  const { data, response } = await call;
  if (!response.ok || !data) throw new ApiError(response.status, null, response.statusText);
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
