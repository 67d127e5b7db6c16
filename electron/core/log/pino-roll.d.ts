// pino-roll ships no types: the part of its API the log uses.
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino'
  interface PinoRollOptions {
    file: string
    size?: string | number
    frequency?: 'daily' | 'hourly' | number
    extension?: string
    limit?: { count?: number; removeOtherLogFiles?: boolean }
    mkdir?: boolean
    sync?: boolean
  }
  type RollStream = DestinationStream & { end(): void; flushSync(): void; once(event: 'close' | 'finish', cb: () => void): void }
  export default function roll(options: PinoRollOptions): Promise<RollStream>
}
