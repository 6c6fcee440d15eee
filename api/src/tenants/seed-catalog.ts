import { Category, Template } from '../models/index.js';
import { newId } from '../util/ids.js';

/** Five starter verticals for an affiliate learning audience, six templates each (spec 4.5, 12). */
const CATALOG: { slug: string; name: string; description: string; style: string; templates: [string, string][] }[] = [
  {
    slug: 'course-promos', name: 'Course Promos', description: 'Posters and banners that sell a course.',
    style: 'clean modern flat vector poster, bold headline space, confident colours, high contrast',
    templates: [
      ['Launch poster', 'Launch poster for an online course about {topic}, laptop and notebook on a desk, bold headline space'],
      ['Early-bird offer', 'Early-bird discount banner for a {topic} course, ribbon badge, bright accent colour'],
      ['Instructor spotlight', 'Friendly instructor portrait illustration for a {topic} course, soft studio light'],
      ['Curriculum overview', 'Infographic-style poster showing five modules of a {topic} course, icons and arrows'],
      ['Student success', 'Celebrating student holding a certificate after finishing a {topic} course, confetti'],
      ['Free webinar teaser', 'Teaser poster for a free {topic} masterclass, microphone and spotlight'],
    ],
  },
  {
    slug: 'social-posts', name: 'Social Media Posts', description: 'Square posts for Instagram, LinkedIn and WhatsApp status.',
    style: 'vibrant social media square post, playful shapes, readable at small size',
    templates: [
      ['Motivation Monday', 'Motivational Monday post about learning {topic}, sunrise over a city skyline'],
      ['Tip of the day', 'Tip of the day card about {topic}, lightbulb icon, clean layout'],
      ['Behind the scenes', 'Behind the scenes of recording a {topic} lesson, camera and ring light'],
      ['Poll post', 'Colourful poll post asking which {topic} skill to learn next, two big options'],
      ['Milestone celebration', 'Celebration post for reaching 1000 learners, balloons and trophy'],
      ['Festival greeting', 'Warm festival greeting post from a learning community, diyas and rangoli patterns'],
    ],
  },
  {
    slug: 'affiliate-offers', name: 'Affiliate Offers', description: 'Creatives that promote a referral or affiliate deal.',
    style: 'high-converting marketing creative, clear call to action area, trustworthy blue and gold palette',
    templates: [
      ['Refer and earn', 'Refer and earn poster, two friends sharing a phone, coins and gift icons'],
      ['Limited-time deal', 'Limited-time deal banner for a {topic} bundle, countdown clock, bold price tag space'],
      ['Bundle showcase', 'Product showcase of three course boxes for a {topic} bundle, spotlight background'],
      ['Testimonial card', 'Testimonial card with a happy learner quote about {topic}, five stars'],
      ['Comparison chart', 'Before and after comparison of career growth after learning {topic}, upward graph'],
      ['Coupon code', 'Coupon code promo graphic with a ticket shape and scissors line, festive colours'],
    ],
  },
  {
    slug: 'quotes-tips', name: 'Learning Quotes & Tips', description: 'Shareable quotes, tips and study motivation.',
    style: 'calm minimal typography poster, soft pastel gradient, generous whitespace',
    templates: [
      ['Study quote', 'Inspirational study quote poster, open book and coffee cup, soft morning light'],
      ['Habit tracker', 'Habit tracker poster for 30 days of learning {topic}, checkboxes and plants'],
      ['Focus mode', 'Focus mode illustration, student with headphones in a cosy room at night, lamp glow'],
      ['Growth mindset', 'Growth mindset illustration, seedling growing from a stack of books'],
      ['Exam prep', 'Exam preparation checklist poster, pencils, clock and sticky notes'],
      ['Daily affirmation', 'Daily affirmation card for learners, sun and clouds, gentle colours'],
    ],
  },
  {
    slug: 'event-banners', name: 'Webinar & Event Banners', description: 'Banners for live sessions, workshops and meetups.',
    style: 'professional event banner, wide composition, stage lights, clear date and title area',
    templates: [
      ['Live webinar', 'Live webinar banner about {topic}, speaker silhouette and screen, blue stage lights'],
      ['Workshop day', 'Hands-on workshop banner for {topic}, people collaborating at a table'],
      ['Community meetup', 'Community meetup poster in a rooftop cafe at sunset, string lights'],
      ['Hackathon', 'Hackathon poster with code brackets, neon grid and trophy'],
      ['Q&A session', 'Ask me anything session banner, speech bubbles and question marks'],
      ['Certificate ceremony', 'Online certificate ceremony banner, graduation caps and ribbons'],
    ],
  },
];

export async function seedCatalog(tenantId: string) {
  const existing = await Category.count({ where: { tenantId } });
  if (existing > 0) return;
  let order = 0;
  for (const c of CATALOG) {
    const categoryId = newId('cat');
    await Category.create({ id: categoryId, tenantId, name: c.name, slug: c.slug, description: c.description, style: c.style, displayOrder: order++, isActive: true });
    let tOrder = 0;
    for (const [title, prompt] of c.templates) {
      await Template.create({
        id: newId('tpl'), tenantId, categoryId, title,
        promptText: prompt.replace(/\{topic\}/g, 'digital marketing'), description: `${title} (${c.name})`, defaultTier: 'standard',
        displayOrder: tOrder++, isActive: true,
      });
    }
  }
}
