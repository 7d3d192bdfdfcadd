// `npm run -s mentions -- FILE`: the content script's detector on a text file (or standard input),
// printed as {"mentions":[{coin,start,end,text}]} (DESIGN.md contract).
import { readFileSync } from 'node:fs';
import { detectMentions } from '../src/content/detector';

const file = process.argv[2];
const text = readFileSync(file && file !== '-' ? file : 0, 'utf8');
process.stdout.write(`${JSON.stringify({ mentions: detectMentions(text) })}\n`);
