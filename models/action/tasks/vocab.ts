// Word lists the families draw from. None of these overlaps the filler words in page.ts.
import type { Rng } from './rng.ts';

/** Single-word verbs, so "{verb} it" phrasings read naturally ("save it", "archive it"). */
export const VERBS = ['Save', 'Delete', 'Submit', 'Send', 'Export', 'Import', 'Archive', 'Share', 'Refresh', 'Download', 'Upload', 'Publish', 'Preview', 'Edit', 'Print', 'Reset', 'Apply', 'Continue', 'Rename', 'Duplicate', 'Sync', 'Approve', 'Reject', 'Invite', 'Subscribe', 'Merge', 'Restore', 'Pause', 'Resume', 'Confirm'];

export const FIELDS = ['First name', 'Last name', 'Email', 'Phone', 'City', 'Company', 'Username', 'Street address', 'Postal code', 'Country', 'Job title', 'Website', 'Nickname', 'Department', 'Project name'];

const FIRST = ['Ada', 'Boris', 'Chloe', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Keiko', 'Liam', 'Maya', 'Nils', 'Olga', 'Pablo', 'Rosa', 'Sven', 'Tara', 'Umar'];
const LAST = ['Lovelace', 'Novak', 'Martin', 'Petrov', 'Rossi', 'Haddad', 'Hopper', 'Tanaka', 'Silva', 'Berg', 'Mori', 'Walsh', 'Patel', 'Lund', 'Ivanova', 'Ortiz', 'Costa', 'Holm', 'Reyes', 'Khan'];
const CITIES = ['Lisbon', 'Oslo', 'Kyoto', 'Lima', 'Dakar', 'Perth', 'Quito', 'Tallinn', 'Cork', 'Graz', 'Leeds', 'Turin'];
const COMPANIES = ['Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent'];
const COUNTRIES = ['Portugal', 'Norway', 'Japan', 'Peru', 'Senegal', 'Australia', 'Ecuador', 'Estonia', 'Ireland', 'Austria'];

/** A plausible value for a field, so typed text looks like what people really type there. */
export function valueFor(rng: Rng, field: string): string {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  switch (field) {
    case 'First name': return first;
    case 'Last name': return last;
    case 'Email': return `${first.toLowerCase()}.${last.toLowerCase()}@example.org`;
    case 'Phone': return `+1 555 ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
    case 'City': return rng.pick(CITIES);
    case 'Company': return `${rng.pick(COMPANIES)} Ltd`;
    case 'Username': return `${first.toLowerCase()}${rng.int(1, 99)}`;
    case 'Street address': return `${rng.int(1, 250)} ${last} Street`;
    case 'Postal code': return String(rng.int(10000, 99999));
    case 'Country': return rng.pick(COUNTRIES);
    case 'Job title': return rng.pick(['Engineer', 'Designer', 'Analyst', 'Editor', 'Nurse', 'Teacher']);
    case 'Website': return `https://${last.toLowerCase()}.example.com`;
    case 'Nickname': return rng.pick(['Sparky', 'Moss', 'Pixel', 'Juniper', 'Comet']);
    case 'Department': return rng.pick(['Sales', 'Finance', 'Legal', 'Research', 'Support']);
    case 'Project name': return `${rng.pick(['Apollo', 'Nimbus', 'Falcon', 'Cedar', 'Atlas'])} ${rng.int(2, 9)}`;
    default: return `${first} ${last}`;
  }
}

export const OPTIONS = ['Newsletter', 'Dark mode', 'Notifications', 'Auto-save', 'Two-factor login', 'Location access', 'Sound effects', 'Weekly digest', 'Beta features', 'Offline mode', 'Spell check', 'Read receipts'];

export const FRUITS = ['Apple', 'Banana', 'Cherry', 'Grape', 'Kiwi', 'Lemon', 'Mango', 'Orange', 'Papaya', 'Peach', 'Pear', 'Plum'];

export const COLORS = ['Red', 'Green', 'Blue', 'Yellow', 'Purple', 'Orange', 'Teal', 'Pink', 'Brown', 'Gray'];

export const SIZES = ['Small', 'Medium', 'Large', 'Extra large'];

/** HTML-escapes text placed in markup. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
