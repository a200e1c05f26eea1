import { ProtocolError } from '../errors/protocol-error.js'
import { INSTANCE_SEGMENT_PATTERN } from '../schemas/common.js'

const SEGMENT_RE = new RegExp(INSTANCE_SEGMENT_PATTERN)

/** The three names of an instance. */
export interface InstanceName {
  readonly hub: string
  readonly group: string
  readonly project: string
}

function segmentsOf(text: string): string[] | undefined {
  const parts = text.split('/')
  return parts.length <= 3 && parts.every((p) => SEGMENT_RE.test(p)) ? parts : undefined
}

/**
 * Whether a string is a full instance path `hub/group/project`.
 *
 * @param value - anything
 * @returns true for three valid segments
 */
export function isInstancePath(value: unknown): value is string {
  return typeof value === 'string' && segmentsOf(value)?.length === 3
}

/**
 * Whether a string is an instance prefix: `hub`, `hub/group` or `hub/group/project`.
 *
 * @param value - anything
 * @returns true for one to three valid segments
 */
export function isInstancePrefix(value: unknown): value is string {
  return typeof value === 'string' && segmentsOf(value) !== undefined
}

/**
 * Splits an instance path (the `X-Instance` header, a token restriction, …).
 *
 * @param text - `hub/group/project`
 * @returns its three names
 * @throws {@link ProtocolError} `protocol.validation-failed` when it is not a valid path
 */
export function parseInstancePath(text: string): InstanceName {
  const parts = segmentsOf(text)
  if (parts?.length !== 3) {
    throw new ProtocolError(
      'protocol.validation-failed',
      `Invalid instance ${JSON.stringify(text)}: expected hub/group/project.`,
      {
        errors: [
          {
            field: '',
            pointer: '',
            code: 'pattern_mismatch',
            message:
              'three names of lowercase letters, digits, - and _ (1–64 characters), joined by /',
          },
        ],
      },
    )
  }
  const [hub, group, project] = parts as [string, string, string]
  return { hub, group, project }
}

/**
 * Joins an instance's names.
 *
 * @param name - hub, group and project
 * @returns `hub/group/project`
 * @throws RangeError when a name is not a valid segment
 */
export function formatInstancePath(name: InstanceName): string {
  for (const part of [name.hub, name.group, name.project]) {
    if (!SEGMENT_RE.test(part)) throw new RangeError(`invalid instance segment: ${part}`)
  }
  return `${name.hub}/${name.group}/${name.project}`
}

/**
 * Whether an instance lies under a prefix (segment-wise: `acme` covers `acme/x/y` but not
 * `acme2/x/y`).
 *
 * @param instance - `hub/group/project`
 * @param prefix - `hub`, `hub/group` or `hub/group/project`
 * @returns true when `prefix` is an ancestor of (or equal to) `instance`
 */
export function instanceHasPrefix(instance: string, prefix: string): boolean {
  return instance === prefix || instance.startsWith(`${prefix}/`)
}

/**
 * The levels settings are inherited through, from the top: `a/b/c` → `['a', 'a/b', 'a/b/c']`
 * (project overrides group overrides hub).
 *
 * @param instance - an instance path or prefix
 * @returns its prefixes, shortest first
 */
export function instanceAncestors(instance: string): string[] {
  const parts = instance.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}
