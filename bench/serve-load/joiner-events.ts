// The load: `count` joiner events, `sameNameCount` of them for people all called John Smith, the others
// from a grid of first and last names (many of which still clash on {f}{last}, as real joiners do).

const FIRST = ['Ann', 'Ben', 'Cara', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jana', 'Kai', 'Lena', 'Milo', 'Nora', 'Omar', 'Pia', 'Raj', 'Sara', 'Tom', 'Una', 'Vik', 'Wen', 'Xia', 'Yara', 'Zoë', 'Åsa', 'Björn', 'Chloé', 'Dagný', 'Émile', 'Ørjan', 'Łucja'];
const LAST = ['Smith', 'Jones', 'Brown', 'Garcia', 'Müller', 'Novák', 'Ødegård', 'Kowalski', 'Rossi', 'Dubois', 'Tanaka', 'Nguyen', 'Okafor', 'Silva', "O'Brien", 'Van der Berg', 'García-López', 'Þórsson', 'Andersen', 'Popescu', 'Horvat', 'Kim', 'Patel', 'Cohen', 'Schmidt', 'Larsen', 'Ivanova', 'Costa', 'Murphy', 'Weber', 'Bianchi', 'Yilmaz', 'Haddad', 'Mendes', 'Sato', 'Jensen'];

export interface JoinerEvent {
  type: 'user.joined';
  id: string;
  occurredAt: string;
  person: { employeeId: string; firstName: string; lastName: string; department: string; employmentType: 'employee'; startDate: string };
}

export function joinerEvents({ count, sameNameCount, runId }: { count: number; sameNameCount: number; runId: string }): JoinerEvent[] {
  const events: JoinerEvent[] = [];
  const stride = Math.max(1, Math.floor(count / Math.max(1, sameNameCount)));
  for (let index = 0; index < count; index += 1) {
    const same = index % stride === 0 && index / stride < sameNameCount;
    const firstName = same ? 'John' : (FIRST[index % FIRST.length] ?? 'Ann');
    const lastName = same ? 'Smith' : (LAST[Math.floor(index / FIRST.length) % LAST.length] ?? 'Smith');
    events.push({
      type: 'user.joined',
      id: `load-${runId}-${String(index).padStart(5, '0')}`,
      occurredAt: '2026-11-20T09:00:00Z',
      person: { employeeId: `E${runId}-${index}`, firstName, lastName, department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' },
    });
  }
  return events;
}
