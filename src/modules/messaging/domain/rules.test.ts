import { describe, expect, it } from 'vitest';
import { charCount, checkMessageText } from './rules.js';

describe('message text rules', () => {
  it('counts characters as PostgreSQL does (code points), so 20,000 emoji fit and 20,001 do not', () => {
    expect(charCount('🙂'.repeat(3))).toBe(3);
    const ok = { category: 'message', subject: 'Objet', body: '🙂'.repeat(20_000) };
    expect(checkMessageText(ok)).toEqual([]);
    expect(checkMessageText({ ...ok, body: '🙂'.repeat(20_001) })).toEqual([
      { field: 'body', message: 'messaging.error.body_too_long' },
    ]);
  });

  it('refuses blank subjects and bodies and unknown categories, each next to its field', () => {
    expect(checkMessageText({ category: 'facture', subject: ' ', body: '\n' })).toEqual([
      { field: 'category', message: 'messaging.error.category' },
      { field: 'subject', message: 'messaging.error.subject_required' },
      { field: 'body', message: 'messaging.error.body_required' },
    ]);
  });
});
