// The indentation slips test/indent-slips.test.ts applies to test/fixtures/indent/base.yaml: line to change, what it becomes,
// and where the one error must point. Shared with scripts that print the before/after messages.
export interface Slip {
  name: string;
  /** 1-based line of base.yaml to replace. */
  line: number;
  text: string;
  /** Where the error must point: line and column. */
  at: [number, number];
  /** What the message must say (besides speaking of indentation or the missing space). */
  says: RegExp;
}

export const SLIPS: Slip[] = [
  {
    name: 'a key dedented out of its mapping',
    line: 4,
    text: 'email: ada@example.com',
    at: [4, 1],
    says: /indent `email:` by 2 spaces to keep it under `basics:`/,
  },
  { name: 'a key one space too far', line: 3, text: '   label: Backend engineer', at: [3, 4], says: /remove 1 space/ },
  {
    name: 'a key one space short',
    line: 3,
    text: ' label: Backend engineer',
    at: [3, 2],
    says: /indent `label:` by 1 more space/,
  },
  {
    name: 'a key two spaces too far',
    line: 4,
    text: '    email: ada@example.com',
    at: [4, 5],
    says: /remove 2 spaces/,
  },
  {
    name: 'a nested key dedented out of its mapping',
    line: 9,
    text: '  city: London',
    at: [9, 3],
    says: /indent `city:` by 2 spaces to keep it under `location:`/,
  },
  {
    name: 'a nested key one space short',
    line: 10,
    text: '   countryCode: GB',
    at: [10, 4],
    says: /indent `countryCode:` by 1 more space/,
  },
  {
    name: 'a list item one space too far',
    line: 15,
    text: '     - network: LinkedIn',
    at: [15, 6],
    says: /remove 1 space/,
  },
  {
    name: 'a list item one space short',
    line: 15,
    text: '   - network: LinkedIn',
    at: [15, 4],
    says: /indent this list item by 1 more space/,
  },
  {
    name: 'a key in a list item one space too far',
    line: 13,
    text: '       username: ada',
    at: [13, 8],
    says: /remove 1 space/,
  },
  {
    name: 'a key in a list item one space short',
    line: 13,
    text: '     username: ada',
    at: [13, 6],
    says: /indent `username:` by 1 more space/,
  },
  {
    name: 'a key in a list item at the dash',
    line: 13,
    text: '    username: ada',
    at: [13, 5],
    says: /indent `username:` by 2 more spaces/,
  },
  {
    name: "a list's first item one space short (the keys below it are right)",
    line: 12,
    text: '   - network: GitHub',
    at: [12, 4],
    says: /indent this list item by 1 more space so that `network:` lines up with `username:`/,
  },
  {
    name: "a list's first item one space too far (the keys below it are right)",
    line: 12,
    text: '     - network: GitHub',
    at: [12, 6],
    says: /remove 1 space before its dash so that `network:` lines up with `username:`/,
  },
  {
    name: 'the first work item one space too far',
    line: 18,
    text: '   - name: Analytical Engines Ltd',
    at: [18, 4],
    says: /remove 1 space before its dash so that `name:` lines up with `position:`/,
  },
  {
    name: "a mapping's first key one space too far (the keys after it are right)",
    line: 2,
    text: '   name: Ada Lovelace',
    at: [2, 4],
    says: /remove 1 space so that `name:` lines up with `label:`/,
  },
  {
    name: "a mapping's first key one space short (the keys after it are right)",
    line: 2,
    text: ' name: Ada Lovelace',
    at: [2, 2],
    says: /indent `name:` by 1 more space so that `name:` lines up with `label:`/,
  },
  {
    name: "a nested mapping's first key one space too far",
    line: 9,
    text: '     city: London',
    at: [9, 6],
    says: /remove 1 space so that `city:` lines up with `countryCode:`/,
  },
  {
    name: "a list item's key dedented to the list's own mapping",
    line: 14,
    text: '  url: https://github.com/ada',
    at: [14, 3],
    says: /indent `url:` by 4 spaces to keep it under the `profiles:` item/,
  },
  {
    name: 'a work key one space too far',
    line: 19,
    text: '     position: Staff engineer',
    at: [19, 6],
    says: /remove 1 space/,
  },
  {
    name: 'a work key one space short',
    line: 19,
    text: '   position: Staff engineer',
    at: [19, 4],
    says: /indent `position:` by 1 more space/,
  },
  {
    name: 'a highlight one space too far',
    line: 23,
    text: '       - Moved the ranking service to Kafka.',
    at: [23, 8],
    says: /remove 1 space/,
  },
  {
    name: 'a highlight one space short',
    line: 23,
    text: '     - Moved the ranking service to Kafka.',
    at: [23, 6],
    says: /indent this list item by 1 more space/,
  },
  {
    name: 'a top-level key indented',
    line: 17,
    text: ' work:',
    at: [17, 2],
    says: /remove 1 space so that `work:` lines up with `basics:`/,
  },
  {
    name: 'no space after a colon',
    line: 4,
    text: '  email:ada@example.com',
    at: [4, 8],
    says: /space after its colon: write "email: ada@example.com"/,
  },
  {
    name: 'no space after a dash',
    line: 15,
    text: '    -network: LinkedIn',
    at: [15, 5],
    says: /space after its dash: write "- network: LinkedIn"/,
  },
  {
    name: "no space after the dash of a list's first item (valid YAML: one text, not a list)",
    line: 22,
    text: '      -Cut p99 latency from 900 ms to 250 ms.',
    at: [22, 7],
    says: /space after its dash: write "- Cut p99 latency from 900 ms to 250 ms\."/,
  },
  {
    name: 'no space after a colon in a list item',
    line: 12,
    text: '    - network:GitHub',
    at: [12, 14],
    says: /write "network: GitHub"/,
  },
];
