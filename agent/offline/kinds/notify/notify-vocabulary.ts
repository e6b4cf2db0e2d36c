// Words a notification requirement uses around its settings: the channel, the delivery, the secret kept
// out of logs, and the message bodies the channels take (written out, they are the bodies this kind sends).

const words = (list: string) => new RegExp(`\\b(?:${list.trim().split(/\s+/).join('|')})\\b`, 'gi');

export const NOTIFY_VOCABULARY: RegExp[] = [
  // Phrases first: the single words below must not break them up.
  /\b(?:our tenant blocks sendgrid|no slack for this one|email, not slack|not slack|for this one)\b/gi,
  /\bcontractors'? managers? sit at the agency\b|\bskip them\b|\bonly for employees and interns\b|\bdo?n'?t post\b/gi,
  /\binstead\b|\bno manager(?: on file| email)?\b|\bpeople-team\b|\bthe address it went to\b/gi,
  /\bwhen someone joins\b|\bnew (?:joiners?|hires?|starters?)\b|\bincoming webhook\b|\bin #[\w-]+|\bon slack\b|\bmicrosoft graph\b/gi,
  /\bkeep (?:that|it) out of logs\b|\bjson(?: body)?\b|\bwhere <name> is (?:the )?preferred name \(or first name if none\) \+ last name\b/gi,
  words(`post posts posted send sends sending sent notice notification notify message e-mail email emailed mail emails channel
    slack webhook path sendgrid graph manager manager's their new hire's through with via thru`),
  words('token bearer secret body i.e e.g exactly text subject from content preferred first last name return output'),
  words('answer answers say says ok accepted anything else error with status throw'),
  /\bnot \d{3}\b|\bis an error\b/gi,
  // The keys of the bodies SendGrid and Graph sendMail take, written out by the admin.
  words('personalizations to from email subject content type value message body contentType toRecipients emailAddress address saveToSentItems true false'),
  /\btext\/plain\b/gi,
];
