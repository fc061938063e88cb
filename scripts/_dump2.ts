import { loadCorpus } from '../src/lib/corpus.ts';
const c = loadCorpus('content', '.');
const ids = ['defectors','deserters','draft-evaders','military-service','returnees','former-assad-forces'];
for (const id of ids) for (const p of c.profiles.filter((x) => x.profile === id).sort((a,b)=>a.month.localeCompare(b.month))) {
  const d = p.data!; console.log(`\n## ${p.month}/${id}: scope: ${d.scope.slice(0,160)}`);
  for (const [k, v] of Object.entries(d.conclusions ?? {}) as any) console.log(`  ${k}: ${v.status ?? ''} ${v.answer ?? v.level ?? (v.grounds ? JSON.stringify(v.grounds.map((g:any)=>g.ground+(g.imputed?'(i)':'')+':'+g.likelihood)) : '') ?? ''} ${v.consider ?? ''} [${v.knownFrom ?? ''}] ${(v.summary ?? v.why ?? '').slice(0,170)}`);
  console.log('  findings: ' + p.scan.findings.map((f) => f.id).join(', '));
}
