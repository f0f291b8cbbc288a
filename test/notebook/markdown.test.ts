import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dedent, interpolate, renderMarkdown } from '../../src/notebook/markdown.ts';

test('dedent removes common indentation and blank edges, so indented text is not a code block', () => {
  assert.equal(dedent('\n    # Title\n\n    text\n      indented\n  '), '# Title\n\ntext\n  indented');
  assert.equal(renderMarkdown(dedent('\n      A *b*\n    ')), '<p>A <em>b</em></p>\n');
});

test('renderMarkdown handles the GitHub-flavoured basics notebooks use', () => {
  // Expected HTML per the CommonMark spec 0.31.2 examples for ATX headings, emphasis and links.
  assert.equal(renderMarkdown('## Whose "now"?'), '<h2>Whose &quot;now&quot;?</h2>\n');
  assert.equal(renderMarkdown('**4.25 years**'), '<p><strong>4.25 years</strong></p>\n');
  assert.equal(renderMarkdown('[a](https://example.org)'), '<p><a href="https://example.org">a</a></p>\n');
});

test('property: interpolate of a tagged template equals the untagged template', () => {
  fc.assert(fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), fc.array(fc.oneof(fc.integer(), fc.string(), fc.double())), (parts, values) => {
    const vals = values.slice(0, parts.length - 1);
    const used = parts.slice(0, vals.length + 1);
    const expected = used.map((p, i) => p + (i < vals.length ? `${vals[i]}` : '')).join('');
    assert.equal(interpolate(used, vals), expected);
  }));
});

test('property: dedent never leaves a line indented by 4 spaces more than the least indented one', () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.stringMatching(/^[a-z]{1,5}$/)), { minLength: 1, maxLength: 6 }), (lines) => {
    const text = lines.map(([n, word]) => ' '.repeat(n) + word).join('\n');
    const out = dedent(text).split('\n');
    assert.ok(out.some((l) => !l.startsWith(' ')));
    const least = Math.min(...lines.map(([n]) => n));
    out.forEach((l, i) => assert.equal(l, ' '.repeat(lines[i][0] - least) + lines[i][1]));
  }));
});
