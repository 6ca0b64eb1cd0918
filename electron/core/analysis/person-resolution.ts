/**
 * Which library person a person found in a new article is, on evidence only:
 * 1. the same full name, or a short form of the same given name ("Josh Apte" / "Joshua Apte");
 * 2. a titled or longer form the library already knows ("President Obama", "NATO chief Mark Rutte");
 * 3. for a full name, a person the library knows by that surname alone, when their titles fit;
 * 4. for a bare surname, the one library person of that surname who had the same role ("President
 *    Obama"), else the library's own bare "Obama" if there is one, else the only person of that surname
 *    if the roles fit. Two known people sharing the surname ("Barack Obama", "Michelle Obama") never
 *    take an untitled bare "Obama": it becomes a new person the user can merge.
 * Titles fit when either side has no role ("President", "chief", "Lady"; "Mr", "former" are none) or they
 * share one: "President Obama" never joins "First Lady Michelle Obama".
 */
import type { NamedEntity } from '../extract';
import { TITLES } from '../extract/lexicon';
import { givenNameForms } from '../extract/nicknames';
import type { EntitiesRepo, EntityRow } from './entities-repo';
import { nameMatchKey, normalizeName, wordCount } from './names';

const NOT_ROLES = new Set(
  'mr mrs ms miss sir dame dr former first state home foreign deputy vice majority minority'.split(' '),
);

/** Role words (lower case) written before the surname in any of `aliases`. */
export function rolesIn(aliases: readonly string[], surname: string): Set<string> {
  const roles = new Set<string>();
  for (const alias of aliases) {
    const words = normalizeName(alias).split(' ');
    const at = words.lastIndexOf(surname);
    for (const word of words.slice(0, Math.max(0, at))) {
      if (TITLES.has(word) && !NOT_ROLES.has(word)) roles.add(word);
    }
  }
  return roles;
}

/** Whether two sets of roles can belong to one person. */
function rolesFit(ours: Set<string>, theirs: Set<string>): boolean {
  if (ours.size === 0 || theirs.size === 0) return true;
  for (const role of ours) if (theirs.has(role)) return true;
  return false;
}

/** Match keys of a full name and of its given name's other forms ("josh apte" -> "joshua apte"). */
function fullNameKeys(name: string): string[] {
  const words = normalizeName(name).split(' ');
  const keys = [nameMatchKey(name)];
  for (const form of givenNameForms(words[0] ?? ''))
    keys.push(nameMatchKey([form, ...words.slice(1)].join(' ')));
  return keys;
}

/** The live people holding an alias with `key`, each once, most sources first. */
function holders(repo: EntitiesRepo, key: string): EntityRow[] {
  const seen = new Set<string>();
  return repo.byMatchKey('person', key).filter((row) => !seen.has(row.id) && seen.add(row.id));
}

/** The library person `named` is, and whether it is a bare-surname person to rename; null for new. */
export function matchPerson(
  repo: EntitiesRepo,
  named: NamedEntity,
): { entity: EntityRow; adopt: boolean } | null {
  const words = normalizeName(named.name).split(' ');
  const surname = words[words.length - 1] ?? '';
  if (surname === '') return null;
  const ours = rolesIn(named.aliases, surname);
  const rolesOf = (row: EntityRow): Set<string> =>
    rolesIn(
      repo.aliases(row.id).map((a) => a.alias),
      surname,
    );
  if (words.length >= 2) {
    for (const key of fullNameKeys(named.name)) {
      const found = holders(repo, key)[0];
      if (found !== undefined) return { entity: found, adopt: false };
    }
  }
  // A longer form the library knows: only a person with no other given name, so that "Michelle Obama"'s
  // titled alias cannot pull in "Barack Obama".
  for (const alias of named.aliases) {
    if (wordCount(alias) < 2 || normalizeName(alias) === normalizeName(named.name)) continue;
    const found = holders(repo, nameMatchKey(alias)).find(
      (row) =>
        words.length === 1 ||
        wordCount(row.name) === 1 ||
        fullNameKeys(named.name).includes(nameMatchKey(row.name)),
    );
    if (found !== undefined)
      return { entity: found, adopt: words.length >= 2 && wordCount(found.name) === 1 };
  }
  const sharing = holders(repo, nameMatchKey(surname));
  for (const row of repo.peopleBySurname(surname))
    if (!sharing.some((s) => s.id === row.id)) sharing.push(row);
  if (words.length >= 2) {
    const bare = sharing.filter((row) => wordCount(row.name) === 1 && rolesFit(ours, rolesOf(row)));
    return bare.length === 1 ? { entity: bare[0] as EntityRow, adopt: true } : null;
  }
  const full = sharing.filter((row) => wordCount(row.name) >= 2);
  const sameRole = ours.size === 0 ? [] : full.filter((row) => [...ours].some((r) => rolesOf(row).has(r)));
  if (sameRole.length === 1) return { entity: sameRole[0] as EntityRow, adopt: false };
  const bucket = sharing.find((row) => wordCount(row.name) === 1 && rolesFit(ours, rolesOf(row)));
  if (bucket !== undefined) return { entity: bucket, adopt: false };
  if (full.length === 1 && rolesFit(ours, rolesOf(full[0] as EntityRow)))
    return { entity: full[0] as EntityRow, adopt: false };
  return null;
}
