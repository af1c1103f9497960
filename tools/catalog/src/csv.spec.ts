import { CsvParseError, parseCsv, parseCsvWithHeader } from './csv';

describe('parseCsv', () => {
  it.each<[string, string, string[][]]>([
    ['plain fields', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['no final line break', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['CRLF line breaks', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['lone CR line breaks', 'a,b\r1,2', [['a', 'b'], ['1', '2']]],
    ['embedded commas', 'id,doc\n1,"Creates a bucket, then waits."\n', [['id', 'doc'], ['1', 'Creates a bucket, then waits.']]],
    ['doubled quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['embedded line breaks', '"line one\nline two\r\nthree",x\n', [['line one\nline two\r\nthree', 'x']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['empty quoted field', '"",x\n', [['', 'x']]],
    ['trailing comma at the end of the text', 'a,', [['a', '']]],
    ['empty line as a record', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['byte-order mark', '\uFEFFa,b\n', [['a', 'b']]],
    ['quoted field at the end of the text', 'a,"b"', [['a', 'b']]],
    ['empty text', '', []],
  ])('reads %s', (_case, text, expected) => {
    // Prepare: the CSV text above
    // Act
    const records = parseCsv(text);
    // Assess
    expect(records).toEqual(expected);
  });

  it.each([
    ['a quoted field that is never closed', 'a,"open\nstill open', 'line 1: quoted field is never closed'],
    ['text after a closing quote', '"a"b,c\n', 'unexpected "b" after a closing quote'],
    ['a quote inside an unquoted field', 'a,b"c\n', 'line 1: quote inside an unquoted field'],
    ['the line of a later error', 'a\nb\n"c', 'line 3: quoted field is never closed'],
  ])('rejects %s', (_case, text, message) => {
    // Prepare: malformed CSV
    // Act
    const parse = (): unknown => parseCsv(text);
    // Assess
    expect(parse).toThrow(CsvParseError);
    expect(parse).toThrow(message);
  });
});

describe('parseCsvWithHeader', () => {
  it('keys every record by the header', () => {
    // Prepare
    const text = 'service_id,doc\nec2,"Runs, then stops"\n';
    // Act
    const rows = parseCsvWithHeader(text);
    // Assess
    expect(rows).toEqual([{ service_id: 'ec2', doc: 'Runs, then stops' }]);
  });

  it('rejects a record with a different number of fields', () => {
    // Prepare: a comma that should have been quoted
    const text = 'a,b\n1,2,3\n';
    // Act
    const parse = (): unknown => parseCsvWithHeader(text);
    // Assess
    expect(parse).toThrow('record 1: 3 fields, the header has 2');
  });

  it('rejects a text without a header', () => {
    // Prepare / Act
    const parse = (): unknown => parseCsvWithHeader('');
    // Assess
    expect(parse).toThrow(CsvParseError);
  });
});
