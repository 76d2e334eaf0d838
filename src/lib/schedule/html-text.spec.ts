import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './html-text';

describe('decodeEntities', () => {
	it('decodes named, decimal and hexadecimal references', () => {
		expect(decodeEntities('Tom &amp; Jerry &lt;3 &quot;hi&quot; &apos;x&apos;')).toBe(
			`Tom & Jerry <3 "hi" 'x'`
		);
		expect(decodeEntities('Caf&eacute; &szlig; &times; &yuml; &Auml; &copy; &nbsp;|')).toBe(
			'Café ß × ÿ Ä ©  |'
		);
		expect(decodeEntities('&#233;&#xE9;&#x1F600; &ndash; &hellip; &euro;')).toBe('éé😀 – … €');
	});

	it('leaves unknown names alone and replaces impossible code points', () => {
		expect(decodeEntities('&bogus; & &amp')).toBe('&bogus; & &amp');
		expect(decodeEntities('&#0;&#xD800;&#x110000;')).toBe('\uFFFD\uFFFD\uFFFD');
	});
});

describe('htmlToText', () => {
	it('keeps paragraph and line breaks, drops tags', () => {
		expect(
			htmlToText(
				'<p>First <strong>bold</strong> paragraph.</p>\n<p>Second<br>line two<br/>three</p>'
			)
		).toBe('First bold paragraph.\n\nSecond\nline two\nthree');
		expect(htmlToText('<h2>Title</h2><div>Block one</div><div>Block two</div>')).toBe(
			'Title\n\nBlock one\nBlock two'
		);
	});

	it('turns list items into bullet lines', () => {
		expect(htmlToText('<p>Topics:</p><ul><li>CRDTs</li><li>Sync <em>engines</em></li></ul>')).toBe(
			'Topics:\n\n• CRDTs\n• Sync engines'
		);
	});

	it('drops scripts, styles and comments entirely', () => {
		expect(
			htmlToText(
				'<style>p{color:red}</style><p>Safe<script>alert("x<p>")</script> text<!-- hidden --></p>'
			)
		).toBe('Safe text');
	});

	it('collapses HTML whitespace but keeps the line breaks of plain text', () => {
		expect(htmlToText('<p>  lots   of\n\n  space </p>')).toBe('lots of space');
		expect(htmlToText('Plain text\nwith lines\n\n\n\nand gaps  ')).toBe(
			'Plain text\nwith lines\n\nand gaps'
		);
		expect(htmlToText('Markdown *stays*\r\n- item')).toBe('Markdown *stays*\n- item');
		expect(htmlToText('Line one\nwith <b>inline</b> markup')).toBe('Line one\nwith inline markup');
	});

	it('keeps a lone < and tolerates broken markup', () => {
		expect(htmlToText('a < b and c > d')).toBe('a < b and c > d');
		expect(htmlToText('<p>x < y</p>')).toBe('x < y');
		expect(htmlToText('<a title="5 > 4" href="x">link</a> text')).toBe('link text');
		expect(htmlToText('<p>unclosed <b')).toBe('unclosed <b');
		expect(htmlToText('<p title="unbalanced>quote</p> after')).toBe('quote\n\nafter');
	});

	it('never throws and never returns markup-looking tags for arbitrary input', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), (input) => {
				const text = htmlToText(input);
				expect(typeof text).toBe('string');
				expect(text).toBe(text.trim());
			}),
			{ numRuns: 500 }
		);
	});

	// A quadratic path takes minutes on this input: the test's timeout is the guard.
	it('comes back on hostile input', () => {
		const hostile = '<a "'.repeat(50_000) + '<b '.repeat(50_000);
		expect(typeof htmlToText(hostile)).toBe('string');
	}, 15_000);
});
