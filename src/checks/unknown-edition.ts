import type { Corpus } from '../lib/corpus.ts';
import { didYouMean, type Problem } from '../lib/problem.ts';

/**
 * A profile sits in an edition folder with no edition file, or an edition or profile names a country that is not
 * registered, or a source says it is part of an edition that does not exist.
 */
export function checkUnknownEdition(c: Corpus): Problem[] {
  const problems: Problem[] = [];
  const editions = [...c.editions.keys()];
  const countries = [...c.countries.keys()];
  for (const p of c.profiles) {
    if (!c.countries.has(p.country)) {
      problems.push({ file: p.file, line: 1, column: 1, severity: 'error', rule: 'unknown-country', message: `the folder names an unknown country "${p.country}"`, hint: didYouMean(p.country, countries, `add content/countries/${p.country}.yaml`) });
    }
    if (!c.editions.has(p.edition)) {
      problems.push({ file: p.file, line: 1, column: 1, severity: 'error', rule: 'unknown-edition', message: `the profile is in edition folder ${p.country}/${p.month}, but there is no edition "${p.edition}"`, hint: didYouMean(p.edition, editions, `add content/editions/${p.edition}.yaml, or move the profile to an existing edition's folder`) });
    }
  }
  for (const e of c.editions.values()) {
    if (!e.data) continue;
    if (!c.countries.has(e.data.country)) {
      problems.push({ file: e.file, ...e.at(['country']), severity: 'error', rule: 'unknown-country', message: `unknown country "${e.data.country}"`, hint: didYouMean(e.data.country, countries, `add content/countries/${e.data.country}.yaml`) });
    } else if (!e.id.startsWith(`${e.data.country}-`) || !/-\d{4}-(0[1-9]|1[0-2])$/.test(e.id)) {
      problems.push({ file: e.file, line: 1, column: 1, severity: 'error', rule: 'unknown-edition', message: `an edition file must be named <country>-<yyyy-mm>.yaml; "${e.id}" does not match country "${e.data.country}"`, hint: `rename it to ${e.data.country}-${e.data.published.slice(0, 7)}.yaml` });
    }
  }
  for (const src of c.sources.values()) {
    const id = src.data?.partOfEdition;
    if (id && !c.editions.has(id)) {
      problems.push({ file: src.file, ...src.at(['partOfEdition']), severity: 'error', rule: 'unknown-edition', message: `partOfEdition names an unknown edition "${id}"`, hint: didYouMean(id, editions, 'name an edition of content/editions/') });
    }
  }
  return problems;
}
