/**
 * Writes examples/employees-2026-10.xlsx (the HR export example), the broken workbook of
 * examples/bad/ and test/fixtures/employees-workbook-part-last.xlsx (the same workbook with
 * its parts in the order other writers use). Run: npx tsx scripts/make-example-xlsx.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const employees = [
  ['E001', '刘敏', 'agent_95598', 'HN-CS', new Date(Date.UTC(2016, 6, 1)), 1990, 'F', 4, '13900000001', 'active'],
  ['E002', '陈刚', 'repair', 'HN-CS-01-S1', new Date(Date.UTC(2010, 2, 15)), 1982, 'M', 5, '13900000002', 'active'],
  ['E003', '赵磊', 'grid_manager', 'HN-CS-01-S1-G1', new Date(Date.UTC(2013, 8, 1)), 1986, 'M', 3, '13900000003', 'active'],
  ['E004', '孙丽', 'hall_staff', 'HN-CS-01-S1', new Date(Date.UTC(2019, 1, 20)), 1995, 'F', 3, '13900000004', 'active'],
];

async function main(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('员工');
  sheet.addRow(['employee_no', 'name', 'post', 'org_unit_id', 'hire_date', 'birth_year', 'gender', 'skill_level', 'phone', 'status']);
  for (const row of employees) sheet.addRow(row);
  sheet.getColumn(5).numFmt = 'yyyy-mm-dd';
  await workbook.xlsx.writeFile('examples/employees-2026-10.xlsx');
  // A workbook cut in half, as an interrupted download leaves it.
  const whole = readFileSync('examples/employees-2026-10.xlsx');
  writeFileSync('examples/bad/employees-truncated.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
  writeFileSync('test/fixtures/employees-workbook-part-last.xlsx', await withPartsReordered(whole));
}

/**
 * The same workbook with the shared strings before the worksheet and the workbook part last,
 * as some spreadsheet programs write it: the order ExcelJS's streaming reader cannot read.
 */
async function withPartsReordered(xlsx: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(xlsx);
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'];
  const last = ['xl/workbook.xml'];
  const parts = Object.keys(source.files).filter((name) => !source.files[name]?.dir);
  const middle = parts.filter((name) => !first.includes(name) && !last.includes(name));
  const target = new JSZip();
  for (const name of [...first, ...middle, ...last]) {
    target.file(name, await source.file(name)?.async('uint8array') ?? new Uint8Array(), {
      date: new Date(Date.UTC(2026, 10, 23)),
      createFolders: false,
    });
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

await main();
