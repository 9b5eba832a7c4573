import { describe, expect, it } from 'vitest';
import { cleanFileName, sameFileName } from './documentNames.js';

describe('cleanFileName', () => {
  it('keeps an ordinary French name as typed', () => {
    expect(cleanFileName('CCTP – lot n°2 (menuiseries extérieures).pdf')).toEqual({
      ok: true,
      name: 'CCTP – lot n°2 (menuiseries extérieures).pdf',
    });
  });

  it('refuses names that climb out of a directory', () => {
    expect(cleanFileName('../../etc/passwd')).toEqual({ ok: false, problem: 'traversal' });
    expect(cleanFileName('..\\..\\windows\\win.ini')).toEqual({ ok: false, problem: 'traversal' });
    expect(cleanFileName('..')).toEqual({ ok: false, problem: 'traversal' });
  });

  it('drops directory parts sent by old browsers or scripts', () => {
    expect(cleanFileName('a/b.pdf')).toEqual({ ok: true, name: 'b.pdf' });
    expect(cleanFileName('C:\\Users\\marie\\Documents\\RC.pdf')).toEqual({ ok: true, name: 'RC.pdf' });
  });

  it('refuses control characters and bidirectional overrides', () => {
    expect(cleanFileName('con\u0007trol.pdf')).toEqual({ ok: false, problem: 'control' });
    expect(cleanFileName('a\nb.pdf')).toEqual({ ok: false, problem: 'control' });
    expect(cleanFileName('facture\u202Efdp.exe')).toEqual({ ok: false, problem: 'control' });
  });

  it('refuses empty names and names over 255 bytes (counted in UTF-8)', () => {
    expect(cleanFileName('')).toEqual({ ok: false, problem: 'empty' });
    expect(cleanFileName('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(cleanFileName('dossier/')).toEqual({ ok: false, problem: 'empty' });
    expect(cleanFileName(`${'é'.repeat(126)}.pdf`)).toEqual({ ok: false, problem: 'too_long' });
    expect(cleanFileName(`${'e'.repeat(251)}.pdf`)).toEqual({ ok: true, name: `${'e'.repeat(251)}.pdf` });
  });

  it('replaces characters Windows refuses and trailing dots, and normalises to NFC', () => {
    expect(cleanFileName('Plan: niveau 1?.pdf')).toEqual({ ok: true, name: 'Plan_ niveau 1_.pdf' });
    expect(cleanFileName('annexe.pdf. ')).toEqual({ ok: true, name: 'annexe.pdf' });
    expect(cleanFileName('re\u0300glement.pdf')).toEqual({ ok: true, name: 'règlement.pdf' });
  });
});

describe('sameFileName', () => {
  it('compares as a case-insensitive file system would', () => {
    expect(sameFileName('RC.pdf', 'rc.PDF')).toBe(true);
    expect(sameFileName('Règlement.pdf', 're\u0300glement.pdf')).toBe(true);
    expect(sameFileName('RC.pdf', 'RC2.pdf')).toBe(false);
  });
});
