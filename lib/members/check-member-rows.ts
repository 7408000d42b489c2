import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { scopePattern, type Actor } from "@/lib/auth/actor";
import { todayIso } from "@/lib/format/date";
import type { ImportError } from "@/lib/imports/run-import";
import { SCRATCH_STORAGE, type StagedCsv } from "@/lib/imports/staging";
import { NO_WORDS, YES_WORDS } from "@/lib/stats/csv-cells";
import { GENDER_WORDS, memberRowMessage, STATUS_WORDS, type MemberRowProblem } from "./schemas";

// The member file's rules (docs/imports.md, kind "members") as set-based SQL
// over the staged file: one statement reads every row into typed values and
// a problem code per field; JavaScript only turns the problems of the rows
// shown to the importer into Vietnamese (memberRowMessage).
//
// Speed: every row pays a few cheap expressions (exact matches of the usual
// spellings, shape checks under the "C" collation). Only cells written some
// other way ("dang sinh hoat", "5/3/2026") go through the slower folding and
// regular expressions, so a file in the usual form runs at about the speed
// of reading it.

const WHITESPACE = "\\t\\n\\r\\f\\v\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";

/** foldHeader() of lib/imports/csv.ts in SQL: diacritics off, lower case, anything else one space. */
function fold(value: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`btrim(regexp_replace(lower(unaccent(${value})), '[^a-z0-9]+', ' ', 'g'))`;
}

/** A cell read through a word list: exact usual spellings first, then folded as foldHeader() does. */
function wordCell(value: Prisma.Sql, words: Record<string, string>, usual: Record<string, string>): Prisma.Sql {
  const exact = Object.entries(usual).map(([spelling, meaning]) => Prisma.sql`WHEN ${spelling} THEN ${meaning}`);
  const keys = Object.keys(words);
  const meanings = keys.map((key) => words[key]);
  return Prisma.sql`COALESCE(CASE ${value} ${Prisma.join(exact, " ")} END,
    (SELECT w.meaning FROM unnest(${keys}::text[], ${meanings}::text[]) AS w(word, meaning) WHERE w.word = ${fold(value)}))`;
}

/** Year, month, day of a date cell: YYYY-MM-DD and dd/MM/yyyy directly, the other forms parseDateCell() reads by regular expression; {0,0,0} when none fits. */
function dateParts(value: Prisma.Sql): Prisma.Sql {
  const v = Prisma.sql`(${value} COLLATE "C")`;
  return Prisma.sql`CASE WHEN ${value} IS NULL THEN NULL
    WHEN ${v} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN ARRAY[substr(${value}, 1, 4)::int, substr(${value}, 6, 2)::int, substr(${value}, 9, 2)::int]
    WHEN ${v} ~ '^[0-9]{2}/[0-9]{2}/[0-9]{4}$' THEN ARRAY[substr(${value}, 7, 4)::int, substr(${value}, 4, 2)::int, substr(${value}, 1, 2)::int]
    ELSE COALESCE(
      (SELECT ARRAY[r[1]::int, r[2]::int, r[3]::int] FROM regexp_match(${v}, '^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ].*)?$') AS r WHERE r IS NOT NULL),
      (SELECT ARRAY[r[3]::int, r[2]::int, r[1]::int] FROM regexp_match(${v}, '^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$') AS r WHERE r IS NOT NULL),
      ARRAY[0, 0, 0]) END`;
}

/** The date of `parts` when it is a real day (years before 100 are not: Excel never writes them); NULL otherwise. */
function realDate(parts: Prisma.Sql): Prisma.Sql {
  const [y, m, d] = [Prisma.sql`(${parts})[1]`, Prisma.sql`(${parts})[2]`, Prisma.sql`(${parts})[3]`];
  const daysInMonth = Prisma.sql`CASE WHEN ${m} = 2 THEN CASE WHEN ${y} % 4 = 0 AND (${y} % 100 <> 0 OR ${y} % 400 = 0) THEN 29 ELSE 28 END WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  return Prisma.sql`CASE WHEN ${y} >= 100 AND ${m} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND ${daysInMonth} THEN make_date(${y}, ${m}, ${d}) END`;
}

function dateProblem(raw: Prisma.Sql, date: Prisma.Sql, today: string): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${raw} IS NULL THEN NULL WHEN ${date} IS NULL THEN 'format' WHEN ${date} > ${today}::date THEN 'future' END`;
}

/** Usual spellings of the word cells, matched exactly before any folding. */
function usualSpellings(words: Record<string, string>, labels: Record<string, string>): Record<string, string> {
  const usual: Record<string, string> = {};
  for (const [label, meaning] of Object.entries(labels)) for (const spelling of [label, label.toLowerCase(), label.toUpperCase()]) usual[spelling] = meaning;
  for (const [word, meaning] of Object.entries(words)) for (const spelling of [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)]) usual[spelling] ??= meaning;
  return usual;
}

const STATUS_USUAL = usualSpellings(STATUS_WORDS, { "Đang sinh hoạt": "ACTIVE", "Miễn sinh hoạt": "EXEMPT", "Đã chuyển đi": "TRANSFERRED_OUT", "Đã từ trần": "DECEASED" });
const GENDER_USUAL = usualSpellings(GENDER_WORDS, { Nam: "MALE", Nữ: "FEMALE" });
const YES_NO_WORDS = Object.fromEntries([...YES_WORDS.map((word) => [word, "t"]), ...NO_WORDS.map((word) => [word, "f"])]);
const YES_NO_USUAL = usualSpellings(YES_NO_WORDS, { Có: "t", Không: "f", "Chưa": "f" });

export type MemberCheck = { accepted: number; rejected: number; errors: ImportError[] };

/** No cell refused on its own. */
const FORMAT_OK = Prisma.sql`(e_code IS NULL AND e_branch IS NULL AND e_name IS NULL AND e_status IS NULL AND e_eligible IS NULL AND e_installed IS NULL
  AND e_gender IS NULL AND e_born IS NULL AND e_joined IS NULL AND e_left IS NULL)`;

/**
 * The staged rows that `rowsWanted` picks, read into typed values and a
 * problem code per field, with the branch (looked up in `branches`) and
 * `ok`: every rule of a single row holds (repeated codes come later).
 */
function readMemberRows(staged: StagedCsv, branches: Prisma.Sql, rowsWanted: Prisma.Sql): Prisma.Sql {
  const { cell } = staged;
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const ws = `[${WHITESPACE}]| {2}`;
  // Levels, each computed once per row (OFFSET 0 keeps PostgreSQL from merging them and repeating the work):
  // the cells, then their readings, then the dates, then a problem code per field.
  return Prisma.sql`
    SELECT q.*, b.id AS branch_id, b.id IS NOT NULL AND NOT b.closed AS branch_ok, ${FORMAT_OK} AS format_ok,
      COALESCE(${FORMAT_OK} AND b.id IS NOT NULL AND NOT b.closed
        AND NOT (left_on IS NOT NULL AND status IN ('ACTIVE', 'EXEMPT')) AND NOT (left_on IS NOT NULL AND joined IS NOT NULL AND left_on < joined), false) AS ok
    FROM (
      SELECT d.*,
        CASE WHEN code_raw IS NULL THEN 'missing' WHEN length(code) > 40 OR code COLLATE "C" ~ '[^A-Z0-9._/-]' OR left(code, 1) IN ('.', '_', '/', '-') THEN 'format' END AS e_code,
        CASE WHEN branch_code IS NULL THEN 'missing' WHEN length(branch_code) > 40 THEN 'long' END AS e_branch,
        CASE WHEN full_name IS NULL THEN 'missing' WHEN length(full_name) < 2 THEN 'short' WHEN length(full_name) > 120 THEN 'long' END AS e_name,
        CASE WHEN status IS NULL THEN 'format' END AS e_status,
        CASE WHEN eligible_raw IS NOT NULL AND eligible IS NULL THEN 'format' END AS e_eligible,
        ${dateProblem(Prisma.sql`installed_raw`, Prisma.sql`installed`, today)} AS e_installed,
        CASE WHEN gender_raw IS NOT NULL AND gender IS NULL THEN 'format' END AS e_gender,
        CASE WHEN born_raw IS NULL THEN NULL WHEN born_digits IS NULL THEN 'format' WHEN length(born_digits) > 4 THEN 'max'
          WHEN born_digits::int NOT BETWEEN 1900 AND ${thisYear} THEN 'range' END AS e_born,
        ${dateProblem(Prisma.sql`joined_raw`, Prisma.sql`joined`, today)} AS e_joined,
        ${dateProblem(Prisma.sql`left_raw`, Prisma.sql`left_on`, today)} AS e_left,
        CASE WHEN born_digits IS NOT NULL AND length(born_digits) <= 4 THEN born_digits::int END AS birth_year
      FROM (
        SELECT a.*, ${realDate(Prisma.sql`installed_parts`)} AS installed, ${realDate(Prisma.sql`joined_parts`)} AS joined, ${realDate(Prisma.sql`left_parts`)} AS left_on
        FROM (
          SELECT s.row_no, s.code_raw, upper(s.code_raw COLLATE "C") AS code, upper(s.branch_raw) AS branch_code,
            CASE WHEN s.name_raw IS NULL THEN NULL
              WHEN s.name_raw IS NFC NORMALIZED AND s.name_raw COLLATE "C" !~ ${ws} THEN s.name_raw
              ELSE NULLIF(btrim(regexp_replace(normalize(s.name_raw, NFC), ${`[\\s${WHITESPACE}]+`}, ' ', 'g'), ' '), '') END AS full_name,
            s.status_raw, CASE WHEN s.status_raw IS NULL THEN 'ACTIVE' ELSE ${wordCell(Prisma.sql`s.status_raw`, STATUS_WORDS, STATUS_USUAL)} END AS status,
            s.eligible_raw, CASE WHEN s.eligible_raw IS NULL THEN true ELSE (${wordCell(Prisma.sql`s.eligible_raw`, YES_NO_WORDS, YES_NO_USUAL)})::boolean END AS eligible,
            s.gender_raw, CASE WHEN s.gender_raw IS NULL THEN NULL ELSE ${wordCell(Prisma.sql`s.gender_raw`, GENDER_WORDS, GENDER_USUAL)} END AS gender,
            s.born_raw, CASE WHEN s.born_raw IS NULL THEN NULL WHEN s.born_raw COLLATE "C" ~ '^[0-9]{4}$' THEN s.born_raw
              ELSE NULLIF(substring(regexp_replace(s.born_raw, ${`[.\\s${WHITESPACE}]`}, '', 'g') COLLATE "C" FROM '^0*([0-9]+)$'), '') END AS born_digits,
            s.installed_raw, ${dateParts(Prisma.sql`s.installed_raw`)} AS installed_parts,
            s.joined_raw, ${dateParts(Prisma.sql`s.joined_raw`)} AS joined_parts,
            s.left_raw, ${dateParts(Prisma.sql`s.left_raw`)} AS left_parts
          FROM (
            SELECT row_no, ${cell("code")} AS code_raw, ${cell("branchCode")} AS branch_raw, ${cell("fullName")} AS name_raw, ${cell("status")} AS status_raw,
              ${cell("eligibleForHandbook")} AS eligible_raw, ${cell("handbookInstalledAt")} AS installed_raw, ${cell("gender")} AS gender_raw,
              ${cell("birthYear")} AS born_raw, ${cell("joinedBranchOn")} AS joined_raw, ${cell("leftBranchOn")} AS left_raw
            FROM ${staged.table} WHERE ${rowsWanted} OFFSET 0
          ) s OFFSET 0
        ) a OFFSET 0
      ) d OFFSET 0
    ) q
    LEFT JOIN ${branches} b ON b.code = q.branch_code`;
}

/**
 * Checks every staged row into the import's `checked` table (the values the
 * write needs, `ok` for rows to write) and returns the row errors, the first
 * `maxErrors` in row order. Branches are looked up in the actor's scope only:
 * a branch elsewhere is "unknown", never "forbidden".
 *
 * The rows are read in parts at once (StagedCsv.inParts): every rule but
 * repeated codes concerns one row, so a row's answer does not depend on the
 * part it falls in; repeated codes are found over the whole table after.
 */
export async function checkMemberRows(actor: Actor, staged: StagedCsv, maxErrors: number): Promise<MemberCheck> {
  const { run } = staged;
  const branches = staged.tableFor("branches");
  const checked = staged.tableFor("checked");
  const scopePrefix = scopePattern(actor);

  // The branches in scope, read once for all parts. No key on code: two codes that differ only in case both match, as they always did.
  await run.execute(Prisma.sql`
    CREATE UNLOGGED TABLE ${branches} ${SCRATCH_STORAGE} AS
    SELECT id, upper(code) AS code, "validTo" IS NOT NULL AS closed FROM "OrgUnit" WHERE level = 'BRANCH' AND path LIKE ${scopePrefix}`);
  await run.execute(Prisma.sql`ANALYZE ${branches}`);
  // Only what the write needs, in Member's own types: the write copies values without casting them.
  await run.execute(Prisma.sql`
    CREATE UNLOGGED TABLE ${checked} (row_no int NOT NULL, code text, branch_id int, full_name text, gender "Gender", birth_year int,
      status "MemberStatus", eligible boolean, installed timestamp(3), joined date, left_on date, ok boolean NOT NULL, duplicate_of int) ${SCRATCH_STORAGE}`);
  const parts = await staged.inParts(({ run: part, from, to }) =>
    part.rows<{ rows: number; accepted: number }>(Prisma.sql`
      WITH written AS (
        INSERT INTO ${checked} (row_no, code, branch_id, full_name, gender, birth_year, status, eligible, installed, joined, left_on, ok)
        SELECT row_no, code, branch_id, full_name, gender::"Gender", birth_year, status::"MemberStatus", eligible, installed, joined, left_on, ok
        FROM (${readMemberRows(staged, branches, Prisma.sql`row_no BETWEEN ${from} AND ${to}`)}) r
        RETURNING ok
      )
      SELECT count(*)::int AS rows, count(*) FILTER (WHERE ok)::int AS accepted FROM written`),
  );

  // A code on an earlier accepted row refuses the later ones.
  const repeated = await run.execute(Prisma.sql`
    UPDATE ${checked} c SET ok = false, duplicate_of = f.first_row
    FROM (SELECT code, min(row_no) AS first_row FROM ${checked} WHERE ok GROUP BY code HAVING count(*) > 1) f
    WHERE c.code = f.code AND c.ok AND c.row_no <> f.first_row`);
  const rows = parts.reduce((sum, [part]) => sum + part.rows, 0);
  const accepted = parts.reduce((sum, [part]) => sum + part.accepted, 0) - repeated;
  const rejected = rows - accepted;
  if (!rejected) return { accepted, rejected, errors: [] };

  // The refused rows shown are read again from the staged file, with every problem code and cell as written.
  const shown = Prisma.sql`SELECT row_no, branch_id, duplicate_of FROM ${checked} WHERE NOT ok ORDER BY row_no LIMIT ${maxErrors}`;
  const problems = await run.rows<MemberRowProblem>(Prisma.sql`
    SELECT r.row_no AS "row", r.code, r.branch_code AS "branchCode", r.status, r.joined::text AS joined, r.left_on::text AS "leftOn", r.installed::text AS installed,
      c.duplicate_of AS "duplicateOf", r.format_ok AS "formatOk", r.branch_ok AS "branchOk",
      e_code AS "code_problem", e_branch AS "branchCode_problem", e_name AS "fullName_problem", e_status AS "status_problem", e_eligible AS "eligibleForHandbook_problem",
      e_installed AS "handbookInstalledAt_problem", e_gender AS "gender_problem", e_born AS "birthYear_problem", e_joined AS "joinedBranchOn_problem", e_left AS "leftBranchOn_problem",
      status_raw AS "status_raw", eligible_raw AS "eligibleForHandbook_raw", installed_raw AS "handbookInstalledAt_raw", gender_raw AS "gender_raw", born_raw AS "birthYear_raw",
      joined_raw AS "joinedBranchOn_raw", left_raw AS "leftBranchOn_raw"
    FROM (${readMemberRows(staged, branches, Prisma.sql`row_no IN (SELECT row_no FROM (${shown}) c)`)}) r
    JOIN (${shown}) c ON c.row_no = r.row_no AND c.branch_id IS NOT DISTINCT FROM r.branch_id
    ORDER BY r.row_no`);
  const errors: ImportError[] = [];
  for (const problem of problems) {
    for (const error of memberRowMessage(problem)) errors.push(error);
    if (errors.length >= maxErrors) break;
  }
  return { accepted, rejected, errors: errors.slice(0, maxErrors) };
}
