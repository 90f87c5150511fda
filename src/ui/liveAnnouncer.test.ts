import { describe, expect, it } from 'vitest';
import { announce, announcementFor, onAnnounce } from './liveAnnouncer.ts';

describe('announcementFor', () => {
  it('names the outcome, then the detail', () => {
    expect(announcementFor('success', 'Stock item #12')).toBe('Found: Stock item #12');
    expect(announcementFor('error', 'The server did not answer.')).toBe('Error: The server did not answer.');
    expect(announcementFor('repeat', 'Already scanned moments ago')).toBe('Repeat: Already scanned moments ago');
  });

  it('does not say the same word twice', () => {
    expect(announcementFor('notFound', 'No match')).toBe('No match');
    expect(announcementFor('notFound', '')).toBe('No match');
  });

  it('stays silent while a lookup is pending; info is said as is', () => {
    expect(announcementFor('pending', 'Looking up…')).toBeNull();
    expect(announcementFor('info', 'Shipment chosen')).toBe('Shipment chosen');
    expect(announcementFor('info', ' ')).toBeNull();
  });
});

describe('announce', () => {
  it('reaches every listener until it unsubscribes; blank messages are dropped', () => {
    const heard: string[] = [];
    const off = onAnnounce((m) => heard.push(m));
    announce('Found: Part #1');
    announce('   ');
    off();
    announce('No match');
    expect(heard).toEqual(['Found: Part #1']);
  });
});
