// Issue 16 point 3 in a real browser: a client's post found in every container a
// share control lives in (Facebook's photo and video viewers, a post dialog, a permalink page
// with no post container, Instagram's post dialog over a profile, a reel's page),
// the reminder naming that post's own author, never a commenter or the profile
// underneath; and a friend request in Facebook's notifications list, whose prompt
// names the actor: Cancel keeps the click from the page, Continue lets it through once.
// English and Spanish pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startClearline, type Clearline } from './clearline';
import { addClient } from './options-page';
import { choose, pageSaw, promptText, waitForPrompt, waitForPromptGone } from './prompt-page';

let clearline: Clearline;
beforeAll(async () => {
  clearline = await startClearline();
  const options = await clearline.openExtensionPage('options.html');
  await options.waitForSelector('form[data-testid="add-client"]');
  // The profiles under Instagram's dialogs are clients too: naming them would be wrong.
  for (const url of [
    'facebook.com/alex.rivera.demo',
    'facebook.com/maria.lopez.demo',
    'instagram.com/alex.rivera.demo',
    'instagram.com/maria.lopez.demo',
    'instagram.com/casey.morgan.demo',
    'instagram.com/lucia.torres.demo',
  ]) {
    await addClient(options, { url });
  }
  await options.close();
});
afterAll(async () => {
  await clearline?.close();
});

/** Instagram's icon-only button around an svg label. */
const icon = (label: string, within = '') =>
  `${within} [role="button"]:has(svg[aria-label="${label}"])`.trim();

interface ReminderCase {
  name: string;
  url: string;
  /** Where the pointer rests while the coach reads the post. */
  read: string;
  share: string;
  author: string;
  notThem: string;
}

const REMINDERS: ReminderCase[] = [
  {
    name: 'Facebook photo viewer',
    url: 'https://www.facebook.com/photo/?fbid=10160000000000001&set=a.10150000000000001',
    read: '[data-visualcompletion="media-vc-image"]',
    share: '[aria-label="Send this to friends or post it on your profile."]',
    author: 'Alex Rivera Demo',
    notThem: 'Jordan Lee Demo',
  },
  {
    name: 'Facebook photo viewer (es): "Enviar esto a tus amigos o publicarlo en tu biografía"',
    url: 'https://www.facebook.com/photo/?fbid=10160000000000002&set=a.10150000000000002&locale=es_LA',
    read: '[data-visualcompletion="media-vc-image"]',
    share: '[aria-label="Enviar esto a tus amigos o publicarlo en tu biografía"]',
    author: 'María López Demo',
    notThem: 'Diego Ramírez Demo',
  },
  {
    name: 'Facebook video viewer (es)',
    url: 'https://www.facebook.com/maria.lopez.demo/videos/2234567890123456?locale=es_LA',
    read: 'video',
    share: '[aria-label="Enviar esto a tus amigos o publicarlo en tu biografía"]',
    author: 'María López Demo',
    notThem: 'Diego Ramírez Demo',
  },
  {
    name: 'Facebook post dialog over the feed',
    url: 'https://www.facebook.com/?practice=post-dialog',
    read: '[role="dialog"] [data-ad-rendering-role="story_message"]',
    share: '[role="dialog"] [aria-label="Send this to friends or post it on your profile."]',
    author: 'Alex Rivera Demo',
    notThem: 'Morgan Ellis Demo',
  },
  {
    name: 'Facebook post dialog over the feed (es)',
    url: 'https://www.facebook.com/?locale=es_LA&practice=post-dialog',
    read: '[role="dialog"] [data-ad-rendering-role="story_message"]',
    share: '[role="dialog"] [aria-label="Envía esto a tus amigos o publícalo en tu perfil."]',
    author: 'María López Demo',
    notThem: 'Diego Ramírez Demo',
  },
  {
    name: 'Facebook permalink.php page',
    url: 'https://www.facebook.com/permalink.php?story_fbid=pfbid0alexrun&id=100055566677788',
    read: '[role="main"] h2',
    share: '[aria-label="Send this to friends or post it on your profile."]',
    author: 'Alex Rivera Demo',
    notThem: 'Jordan Lee Demo',
  },
  {
    name: 'Facebook /<user>/posts/<id> page (es)',
    url: 'https://www.facebook.com/maria.lopez.demo/posts/pfbid0mariafair?locale=es_LA',
    read: '[role="main"] h2',
    share: '[aria-label="Envía esto a tus amigos o publícalo en tu perfil."]',
    author: 'María López Demo',
    notThem: 'Diego Ramírez Demo',
  },
  {
    name: "Instagram post dialog over a client's profile: the dialog's author",
    url: 'https://www.instagram.com/p/C1tAgGedAx1/',
    read: '[role="dialog"] h1',
    share: icon('Share Post', '[role="dialog"]'),
    author: 'alex.rivera.demo',
    notThem: 'casey.morgan.demo',
  },
  {
    name: 'Instagram post dialog over a profile (es): "Compartir publicación"',
    url: 'https://www.instagram.com/p/C1tAgGedEs2/?hl=es',
    read: '[role="dialog"] h1',
    share: icon('Compartir publicación', '[role="dialog"]'),
    author: 'maria.lopez.demo',
    notThem: 'lucia.torres.demo',
  },
  {
    name: "Instagram reel's page",
    url: 'https://www.instagram.com/reel/C2rEeLdemo1/',
    read: 'main h1',
    share: icon('Share', 'main'),
    author: 'alex.rivera.demo',
    notThem: 'jordan.lee.demo',
  },
];

async function readPost(page: Page, selector: string) {
  await page.hover(selector);
  await new Promise((r) => setTimeout(r, 300));
}

describe("a client's post in every container: the reminder names its own author", () => {
  for (const c of REMINDERS) {
    it(c.name, async () => {
      const page = await clearline.openSite(c.url);
      await readPost(page, c.read);
      const before = await pageSaw(page);
      await page.click(c.share);
      const frame = await waitForPrompt(page);
      // The share went on at once, as on anyone's post.
      expect(await pageSaw(page)).toBe(before + 1);
      const text = await promptText(frame);
      expect(text).toContain(`Share this post by ${c.author}?`);
      expect(text).not.toContain(c.notThem);
      await choose(frame, 'Close');
      await waitForPromptGone(page);
      expect(await pageSaw(page)).toBe(before + 1);
      await page.close();
    });
  }
});

interface PromptCase {
  name: string;
  url: string;
  control: string;
  heading: string;
  notThem?: string;
}

const PROMPTS: PromptCase[] = [
  {
    name: 'Confirm in a notification row names the actor, not the whole row',
    url: 'https://www.facebook.com/notifications',
    control: '[aria-label="Confirm"]',
    heading: "Confirm Taylor Brooks Demo's friend request?",
    notThem: 'sent you',
  },
  {
    name: 'Confirmar in a notification row (es) names the actor',
    url: 'https://www.facebook.com/notifications?locale=es_LA',
    control: '[aria-label="Confirmar"]',
    heading: "Confirm Carla Ruiz Demo's friend request?",
    notThem: 'te envió',
  },
  {
    name: "Follow in Instagram's post dialog is about the post's author, not the profile",
    url: 'https://www.instagram.com/p/C1tAgGedAx1/',
    control: '::-p-xpath(//*[@role="dialog"]//button[normalize-space()="Follow"])',
    heading: 'alex.rivera.demo',
    notThem: 'casey.morgan.demo',
  },
  {
    name: "Seguir in Instagram's post dialog (es) is about the post's author",
    url: 'https://www.instagram.com/p/C1tAgGedEs2/?hl=es',
    control: '::-p-xpath(//*[@role="dialog"]//button[normalize-space()="Seguir"])',
    heading: 'maria.lopez.demo',
    notThem: 'lucia.torres.demo',
  },
];

describe('prompts in the new containers: Cancel keeps the click, Continue lets it through once', () => {
  for (const c of PROMPTS) {
    it(c.name, async () => {
      const page = await clearline.openSite(c.url);
      const base = await pageSaw(page);
      await page.click(c.control);
      let frame = await waitForPrompt(page);
      expect(await pageSaw(page), 'the page saw the click').toBe(base);
      const text = await promptText(frame);
      expect(text).toContain(c.heading);
      if (c.notThem) expect(text).not.toContain(c.notThem);
      await choose(frame, 'Cancel');
      await waitForPromptGone(page);
      expect(await pageSaw(page), 'the page saw something after Cancel').toBe(base);

      await page.click(c.control);
      frame = await waitForPrompt(page);
      await choose(frame, 'Continue');
      await waitForPromptGone(page);
      await page.waitForFunction(
        (n) =>
          (window as unknown as { __pageSaw: { clicks: unknown[] } }).__pageSaw.clicks.length > n,
        {},
        base,
      );
      expect(await pageSaw(page), 'the replay reached the page once').toBe(base + 1);
      await page.close();
    });
  }
});
