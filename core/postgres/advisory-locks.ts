// Advisory lock keys shared by every Joinery node (64-bit, chosen once; never reuse one for another purpose).
// Uniqueness itself is always a constraint; these only order multi-table changes that SQLite's single
// writer ordered for free, and elect the one node that runs a periodic job.

/** Held exclusively by directory imports and removals, shared by reservations: a name cannot be reserved
 *  while an import or a removal that involves it is half done. Reservations never wait on each other. */
export const DIRECTORY_NAMES_LOCK_KEY = 0x6a6f696e_0002;

/** Held (session lock, not waited for) by the node whose scheduler ticks; the others skip the tick. */
export const SCHEDULER_LOCK_KEY = 0x6a6f696e_0003;
