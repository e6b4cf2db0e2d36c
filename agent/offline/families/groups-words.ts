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

export const CITIES = [
  'London', 'Berlin', 'Paris', 'Munich', 'Hamburg', 'Frankfurt', 'Amsterdam', 'Dublin', 'Madrid', 'Barcelona', 'Lisbon', 'Rome',
  'Milan', 'Vienna', 'Zurich', 'Geneva', 'Stockholm', 'Oslo', 'Copenhagen', 'Helsinki', 'Warsaw', 'Prague', 'Budapest',
  'Brussels', 'Edinburgh', 'Manchester', 'New York', 'NYC', 'San Francisco', 'SF', 'Seattle', 'Austin', 'Boston', 'Chicago',
  'Denver', 'Los Angeles', 'Toronto', 'Vancouver', 'Montreal', 'Mexico City', 'Sao Paulo', 'São Paulo', 'Tokyo', 'Singapore',
  'Sydney', 'Melbourne', 'Bangalore', 'Bengaluru', 'Mumbai', 'Delhi', 'Tel Aviv', 'Dubai', 'Hong Kong', 'Shanghai', 'Seoul',
  'Remote', 'Germany', 'France', 'UK', 'US', 'USA', 'Spain', 'Italy', 'Netherlands', 'Ireland', 'India', 'Canada', 'Japan',
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
  { words: 'people managers?|managers?', pattern: '\\bmanagers?\\b', sample: 'Engineering Manager', nearMiss: 'Management Trainee' },
  { words: 'directors?', pattern: '\\bdirectors?\\b', sample: 'Director of Sales', nearMiss: 'Direct Sales Associate' },
  { words: 'vps|vp|vice[- ]presidents?', pattern: '\\b(?:vp|vice[- ]president)s?\\b', sample: 'VP Marketing', nearMiss: 'Presidential Aide' },
  { words: 'executives|execs|c-level|c-suite|leadership', pattern: '\\b(?:chief|ceo|cfo|cto|coo|cio|ciso|cmo|vp|vice[- ]president|president)\\b', sample: 'Chief Financial Officer', nearMiss: 'Executive Assistant' },
  { words: 'team leads?|leads', pattern: '\\blead\\b', sample: 'Team Lead', nearMiss: 'Leadership Coordinator' },
  { words: 'supervisors?', pattern: '\\bsupervisors?\\b', sample: 'Shift Supervisor', nearMiss: 'Supervision Analyst' },
  { words: 'heads of (?:department|team)s?|department heads|heads', pattern: '\\bhead of\\b', sample: 'Head of Finance', nearMiss: 'Headcount Analyst' },
  { words: 'engineers?', pattern: '\\bengineers?\\b', sample: 'Software Engineer', nearMiss: 'Engineering Coordinator' },
  { words: 'developers?', pattern: '\\bdevelopers?\\b', sample: 'Backend Developer', nearMiss: 'Business Development Rep' },
  { words: 'designers?', pattern: '\\bdesigners?\\b', sample: 'Product Designer', nearMiss: 'Design Ops Coordinator' },
  { words: 'analysts?', pattern: '\\banalysts?\\b', sample: 'Data Analyst', nearMiss: 'Analytics Intern' },
  { words: 'architects?', pattern: '\\barchitects?\\b', sample: 'Solutions Architect', nearMiss: 'Architecture Intern' },
  { words: 'administrators?|sysadmins?', pattern: '\\b(?:administrator|sysadmin)s?\\b', sample: 'Systems Administrator', nearMiss: 'Administrative Assistant' },
  { words: 'sres?|site reliability engineers?', pattern: '\\b(?:sre|site reliability)\\b', sample: 'Senior SRE', nearMiss: 'Sales Rep' },
  { words: 'recruiters?', pattern: '\\brecruiters?\\b', sample: 'Technical Recruiter', nearMiss: 'Recruiting Coordinator' },
  { words: 'accountants?', pattern: '\\baccountants?\\b', sample: 'Senior Accountant', nearMiss: 'Account Executive' },
];
