import { describe, expect, it } from 'vitest';
import { type CorrigibleValues, corrigendumProblems, diffCorrigendum, fieldsCorrigibleIn } from './corrigendum.js';

const now = new Date('2026-12-01T10:00:00Z');
const current: CorrigibleValues = {
  title: 'Nettoyage des locaux',
  description: 'Nettoyage quotidien.',
  submission_deadline: new Date('2027-01-15T11:00:00Z'),
  candidature_deadline: null,
  questions_deadline: new Date('2027-01-05T11:00:00Z'),
  contact_name: 'Service achats',
  contact_email: 'achats@ville.example',
  contact_phone: null,
  max_file_size_bytes: 524288000,
};

function problemsOf(proposed: Partial<CorrigibleValues>, status: 'published' | 'closed' = 'published') {
  const changes = diffCorrigendum(current, proposed);
  return corrigendumProblems({ status, current, changes, includesDocuments: false, now }).map((p) => p.message);
}

describe('corrigendum rules', () => {
  it('lists only the fields that really change, deadlines as ISO instants', () => {
    const changes = diffCorrigendum(current, {
      title: 'Nettoyage des locaux',
      submission_deadline: new Date('2027-01-22T11:00:00Z'),
      contact_phone: '',
      max_file_size_bytes: 524288000,
    });
    expect(changes).toEqual([
      { field: 'submission_deadline', before: '2027-01-15T11:00:00.000Z', after: '2027-01-22T11:00:00.000Z' },
    ]);
  });

  it('refuses a deadline brought forward, in the past, or a questions deadline after the submission one', () => {
    expect(problemsOf({ submission_deadline: new Date('2027-01-14T11:00:00Z') })).toEqual([
      'publication.corrigendum.submission_deadline.earlier',
    ]);
    expect(problemsOf({ questions_deadline: new Date('2027-01-16T11:00:00Z') })).toEqual([
      'publication.corrigendum.questions_deadline.after_submission',
    ]);
    expect(problemsOf({ questions_deadline: new Date('2027-01-04T11:00:00Z') })).toEqual([
      'publication.corrigendum.questions_deadline.earlier',
    ]);
    expect(problemsOf({ submission_deadline: null })).toEqual(['publication.corrigendum.submission_deadline.required']);
    expect(problemsOf({ submission_deadline: new Date('2027-02-01T11:00:00Z') })).toEqual([]);
  });

  it('refuses an empty corrigendum, and any corrigendum once the deadline passed or the tender is not published', () => {
    expect(problemsOf({ title: current.title })).toEqual(['publication.corrigendum.empty']);
    expect(problemsOf({ title: 'Autre' }, 'closed')).toEqual(['publication.corrigendum.not_published']);
    const late = corrigendumProblems({
      status: 'published',
      current,
      changes: diffCorrigendum(current, { title: 'Autre' }),
      includesDocuments: false,
      now: new Date('2027-01-15T11:00:00Z'),
    });
    expect(late.map((p) => p.message)).toEqual(['publication.corrigendum.deadline_passed']);
  });

  it('accepts a corrigendum that only publishes documents', () => {
    const problems = corrigendumProblems({ status: 'published', current, changes: [], includesDocuments: true, now });
    expect(problems).toEqual([]);
  });

  it('follows the lifecycle: every field is open to corrigenda when published, none after', () => {
    expect(fieldsCorrigibleIn('published')).toContain('submission_deadline');
    expect(fieldsCorrigibleIn('draft')).toEqual([]);
    expect(fieldsCorrigibleIn('closed')).toEqual([]);
  });
});
