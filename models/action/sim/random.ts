// A seeded random source and the word lists synthetic screens are made of.
import { mulberry32 } from '../../../engine/random.ts';

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed >>> 0 || 1);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `n` distinct items. */
  sample<T>(xs: readonly T[], n: number): T[] {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
}

export const WORDS = {
  buttons: ['Save', 'Cancel', 'Submit', 'Delete', 'Edit', 'Open', 'Close', 'Apply', 'OK', 'Next', 'Back', 'Search', 'Send', 'Share', 'Export', 'Import', 'Print', 'Refresh', 'Settings', 'Help', 'Download', 'Upload', 'Continue', 'Sign in', 'Log out', 'Add item', 'Remove', 'Archive', 'Reply', 'Forward', 'Copy link', 'Save draft', 'Save as', 'Publish', 'Preview', 'Reset', 'Confirm', 'Dismiss', 'Undo', 'Rename', 'Move', 'Duplicate', 'New folder', 'Create account', 'Subscribe', 'Checkout', 'Add to cart', 'View details', 'Learn more', 'Start', 'Stop', 'Pause', 'Play', 'Sync', 'Connect'],
  labels: ['Name', 'First name', 'Last name', 'Email', 'Phone', 'City', 'Address', 'Company', 'Username', 'Password', 'Title', 'Comment', 'Zip code', 'Country', 'Website', 'Subject', 'Message', 'Notes', 'Job title', 'Department', 'Street', 'State', 'Age', 'Nickname', 'Project', 'Tag', 'Amount', 'Quantity', 'Description', 'Search term'],
  values: ['Alice', 'Bob Stone', 'hello world', 'Paris', 'ann@example.com', '555-0199', 'Acme Corp', 'blue', 'meeting at 5', 'Quarterly report', 'x7-beta', 'Lisbon', '42', 'Main Street 12', 'OK thanks', 'Grace Hopper', 'kiwi', 'draft v2', 'Ñandú', 'Zoë', 'São Paulo', '2024-05-01', 'foo_bar', 'C-3PO', 'carol.d@mail.org', 'Tuesday', 'red apple', 'Berlin', '12.50', 'urgent'],
  options: ['Apple', 'Banana', 'Cherry', 'Grape', 'Mango', 'Peach', 'Red', 'Green', 'Blue', 'Yellow', 'Small', 'Medium', 'Large', 'France', 'Germany', 'Spain', 'Italy', 'Japan', 'Canada', 'Brazil', 'Monday', 'Friday', 'Daily', 'Weekly', 'Monthly', 'Email me', 'Dark mode', 'Notifications', 'Auto save', 'Remember me', 'Newsletter', 'Public', 'Private', 'Beginner', 'Expert', 'Lemon', 'Olive', 'Plum', 'Walnut', 'Cedar'],
  cities: ['Paris', 'Parma', 'Porto', 'Prague', 'Berlin', 'Bern', 'Bergen', 'London', 'Lyon', 'Lima', 'Madrid', 'Malaga', 'Milan', 'Munich', 'Oslo', 'Osaka', 'Ottawa', 'Rome', 'Rotterdam', 'Vienna', 'Valencia', 'Venice'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  noise: ['File', 'View', 'Tools', 'Home', 'About', 'Dashboard', 'Profile', 'Inbox', 'Reports', 'Welcome back', 'Last updated 2 min ago', 'Terms', 'Privacy', '©2024', 'Status: ready', 'Untitled', 'Items', 'Recent', 'Favorites', 'Shared with me'],
} as const;
