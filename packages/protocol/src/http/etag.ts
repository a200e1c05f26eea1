/**
 * The strong ETag of a job revision: `"<rev>"` (§8.3), so `If-None-Match` can answer 304.
 *
 * @param rev - the record's `rev`
 * @returns the quoted revision
 * @throws RangeError when `rev` is not a non-negative integer
 */
export function formatEtag(rev: number): string {
  if (!Number.isSafeInteger(rev) || rev < 0) throw new RangeError(`invalid rev: ${rev}`)
  return `"${rev}"`
}

/**
 * Whether an `If-None-Match` header matches a revision, so the server may answer 304. Handles
 * lists, `*` and weak tags (`W/"3"` compares equal, as RFC 9110 §13.1.2 asks for this header).
 *
 * @param header - the `If-None-Match` value
 * @param rev - the current revision
 * @returns true when the client already has this revision
 */
export function etagMatches(header: string | null | undefined, rev: number): boolean {
  if (header === undefined || header === null) return false
  const wanted = formatEtag(rev)
  return header.split(',').some((part) => {
    const tag = part.trim()
    return tag === '*' || tag === wanted || tag === `W/${wanted}`
  })
}
