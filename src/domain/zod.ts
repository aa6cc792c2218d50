// The one zod the app uses: zod/mini, whose functions tree-shake (classic zod's methods put all
// of zod in the entry bundle), with its English messages, which mini does not load by itself.
import * as z from 'zod/mini';

z.config(z.locales.en());

export { z };
