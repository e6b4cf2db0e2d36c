// Words that tell a department from a place, and the job titles admins name by role ("managers get
// Managers-DL"). A capitalised name that is in neither list is read as a department when it stands alone
// ("Biz Ops gets …") and as a location after "in", "at" or "based in".

export const DEPARTMENTS = [
  'Engineering', 'Sales', 'Marketing', 'Finance', 'Accounting', 'HR', 'Human Resources', 'People', 'People Ops', 'Legal', 'IT',
  'Support', 'Customer Support', 'Customer Success', 'Operations', 'Ops', 'Product', 'Design', 'Security', 'Data', 'Research',
  'R&D', 'Executive', 'Facilities', 'Procurement', 'Recruiting', 'Talent', 'QA', 'DevOps', 'Infrastructure', 'Administration',
  'Compliance', 'Risk', 'Sales Engineering', 'Business Development', 'Partnerships', 'Communications', 'PR',
  'Professional Services', 'Services', 'Analytics', 'Data Science', 'Platform', 'Growth', 'Revenue', 'RevOps', 'Treasury',
  'Tax', 'Payroll', 'Purchasing', 'Logistics', 'Manufacturing', 'Supply Chain', 'Quality', 'Board',
];

/** Names also read when written in lower case ("sales gets Salesforce"): not the ones that are everyday
 *  words in a subject ("people", "data", "board"). */
export const LOWER_CASE_NAMES = new Set(['engineering', 'sales', 'marketing', 'finance', 'accounting', 'hr', 'human resources', 'legal', 'it',
  'customer support', 'customer success', 'operations', 'product', 'design', 'security', 'research', 'r&d', 'facilities',
  'procurement', 'recruiting', 'qa', 'devops', 'infrastructure', 'compliance', 'sales engineering', 'business development',
  'partnerships', 'payroll', 'london', 'berlin', 'paris', 'munich', 'amsterdam', 'dublin', 'madrid', 'new york', 'nyc',
  'san francisco', 'toronto', 'tokyo', 'singapore', 'sydney', 'germany', 'france', 'uk', 'usa', 'india', 'canada']);

export const CITIES = [
  'London', 'Berlin', 'Paris', 'Munich', 'Hamburg', 'Frankfurt', 'Amsterdam', 'Dublin', 'Madrid', 'Barcelona', 'Lisbon', 'Rome',
  'Milan', 'Vienna', 'Zurich', 'Geneva', 'Stockholm', 'Oslo', 'Copenhagen', 'Helsinki', 'Warsaw', 'Prague', 'Budapest',
  'Brussels', 'Edinburgh', 'Manchester', 'New York', 'NYC', 'San Francisco', 'SF', 'Seattle', 'Austin', 'Boston', 'Chicago',
  'Denver', 'Los Angeles', 'Toronto', 'Vancouver', 'Montreal', 'Mexico City', 'Sao Paulo', 'São Paulo', 'Tokyo', 'Singapore',
  'Sydney', 'Melbourne', 'Bangalore', 'Bengaluru', 'Mumbai', 'Delhi', 'Tel Aviv', 'Dubai', 'Hong Kong', 'Shanghai', 'Seoul',
  'Remote', 'Germany', 'France', 'UK', 'US', 'USA', 'Spain', 'Italy', 'Netherlands', 'Ireland', 'India', 'Canada', 'Japan',
];

/** People named by what they do, read as their department: "engineers get GitHub-Users". */
export const DEPARTMENT_PEOPLE: Array<{ words: string; department: string }> = [
  { words: 'engineers|engineering folks', department: 'Engineering' },
  { words: 'salespeople|sales ?people|sales reps|salesmen|sellers', department: 'Sales' },
  { words: 'marketers', department: 'Marketing' },
];

export interface Role {
  /** The words that name the role in a requirement (a regex alternation). */
  words: string;
  /** The title pattern the template receives (case-insensitive). */
  pattern: string;
  sample: string;
  nearMiss: string;
}

export const ROLES: Role[] = [
  { words: 'sres?|site reliability engineers?', pattern: '\\b(?:sre|site reliability)\\b', sample: 'Senior SRE', nearMiss: 'Sales Rep' },
  { words: 'people managers?|managers?', pattern: '\\bmanagers?\\b', sample: 'Engineering Manager', nearMiss: 'Management Trainee' },
  { words: 'directors?', pattern: '\\bdirectors?\\b', sample: 'Director of Sales', nearMiss: 'Direct Sales Associate' },
  { words: 'vps|vp|vice[- ]presidents?', pattern: '\\b(?:vp|vice[- ]president)s?\\b', sample: 'VP Marketing', nearMiss: 'Presidential Aide' },
  { words: 'executives|execs|c-level|c-suite|leadership', pattern: '\\b(?:chief|ceo|cfo|cto|coo|cio|ciso|cmo|vp|vice[- ]president|president)\\b', sample: 'Chief Financial Officer', nearMiss: 'Executive Assistant' },
  { words: 'team leads?|leads', pattern: '\\blead\\b', sample: 'Team Lead', nearMiss: 'Leadership Coordinator' },
  { words: 'supervisors?', pattern: '\\bsupervisors?\\b', sample: 'Shift Supervisor', nearMiss: 'Supervision Analyst' },
  { words: 'heads of (?:department|team)s?|department heads|heads', pattern: '\\bhead of\\b', sample: 'Head of Finance', nearMiss: 'Headcount Analyst' },
  { words: 'developers?', pattern: '\\bdevelopers?\\b', sample: 'Backend Developer', nearMiss: 'Business Development Rep' },
  { words: 'designers?', pattern: '\\bdesigners?\\b', sample: 'Product Designer', nearMiss: 'Design Ops Coordinator' },
  { words: 'analysts?', pattern: '\\banalysts?\\b', sample: 'Data Analyst', nearMiss: 'Analytics Intern' },
  { words: 'architects?', pattern: '\\barchitects?\\b', sample: 'Solutions Architect', nearMiss: 'Architecture Intern' },
  { words: 'administrators?|sysadmins?', pattern: '\\b(?:administrator|sysadmin)s?\\b', sample: 'Systems Administrator', nearMiss: 'Administrative Assistant' },
  { words: 'recruiters?', pattern: '\\brecruiters?\\b', sample: 'Technical Recruiter', nearMiss: 'Recruiting Coordinator' },
  { words: 'accountants?', pattern: '\\baccountants?\\b', sample: 'Senior Accountant', nearMiss: 'Account Executive' },
];

/** Edits (insert, delete, replace, swap of neighbours) between two words, up to a small bound. */
function distance(left: string, right: string): number {
  const rows = Array.from({ length: left.length + 1 }, (_, row) => Array.from({ length: right.length + 1 }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)));
  for (let row = 1; row <= left.length; row += 1) {
    for (let column = 1; column <= right.length; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let best = Math.min(rows[row - 1]![column]! + 1, rows[row]![column - 1]! + 1, rows[row - 1]![column - 1]! + cost);
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1]) best = Math.min(best, rows[row - 2]![column - 2]! + 1);
      rows[row]![column] = best;
    }
  }
  return rows[left.length]![right.length]!;
}

/** The listed name this one is, allowing a typo in longer names ("Engneering" is Engineering). */
export function closest(list: string[], name: string): string | undefined {
  const key = name.trim().toLowerCase();
  const exact = list.find((entry) => entry.toLowerCase() === key);
  if (exact || key.length < 6) return exact;
  // Slips in short words are read only when they keep the first letter ("poeple", not "purple").
  const sameStart = (entry: string) => key.length >= 9 || entry[0]?.toLowerCase() === key[0];
  const allowed = key.length >= 9 ? 2 : 1;
  return list.find((entry) => sameStart(entry) && Math.abs(entry.length - key.length) <= allowed && distance(entry.toLowerCase(), key) <= allowed);
}
