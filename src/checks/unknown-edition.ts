import type { Corpus } from '../corpus/corpus.ts';
import { didYouMean, fileProblem, problemAt, type Problem } from '../corpus/problem.ts';

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
      problems.push(
        fileProblem(
          p.file,
          'unknown-country',
          `the folder names an unknown country "${p.country}"`,
          didYouMean(p.country, countries, `add content/countries/${p.country}.yaml`),
        ),
      );
    }
    if (!c.editions.has(p.edition)) {
      problems.push(
        fileProblem(
          p.file,
          'unknown-edition',
          `the profile is in edition folder ${p.country}/${p.month}, but there is no edition "${p.edition}"`,
          didYouMean(
            p.edition,
            editions,
            `add content/editions/${p.edition}.yaml, or move the profile to an existing edition's folder`,
          ),
        ),
      );
    }
  }
  for (const e of c.editions.values()) {
    if (!e.data) continue;
    if (!c.countries.has(e.data.country)) {
      problems.push({
        file: e.file,
        ...e.at(['country']),
        severity: 'error',
        rule: 'unknown-country',
        message: `unknown country "${e.data.country}"`,
        hint: didYouMean(e.data.country, countries, `add content/countries/${e.data.country}.yaml`),
      });
    } else if (!e.id.startsWith(`${e.data.country}-`) || !/-\d{4}-(0[1-9]|1[0-2])$/.test(e.id)) {
      problems.push(
        fileProblem(
          e.file,
          'unknown-edition',
          `an edition file must be named <country>-<yyyy-mm>.yaml; "${e.id}" does not match country "${e.data.country}"`,
          `rename it to ${e.data.country}-${e.data.published.slice(0, 7)}.yaml`,
        ),
      );
    }
  }
  for (const src of c.sources.values()) {
    const id = src.data?.partOfEdition;
    if (id && !c.editions.has(id)) {
      const hint = didYouMean(id, editions, 'name an edition of content/editions/');
      problems.push(
        problemAt(src, ['partOfEdition'], 'unknown-edition', `partOfEdition names an unknown edition "${id}"`, hint),
      );
    }
  }
  return problems;
}
