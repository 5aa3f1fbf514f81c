/*
 * article/topics.c: the top-level Media Topics whose keywords weigh most
 * in a text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "article/rules.h"
#include "article/tokens.h"

/* The top-level Media Topics, with their en-GB labels. */
static const char *const topic_labels[18] = {
	NULL,
	"arts, culture, entertainment and media",
	"crime, law and justice",
	"disaster, accident and emergency incident",
	"economy, business and finance",
	"education",
	"environment",
	"health",
	"human interest",
	"labour",
	"lifestyle and leisure",
	"politics",
	"religion and belief",
	"science and technology",
	"society",
	"sport",
	"conflict, war and peace",
	"weather"
};

/*
 * Each topic's keywords in the text: score[k] their weights, distinct[k]
 * how many different ones.  A keyword counts three times at most in a
 * short text (the name of the institution it is all about would decide
 * alone), one time in a hundred words in a long one.
 */
static int
keyword_scores(const struct doc *d, double score[18], int distinct[18])
{
	/* keyword hits: entry index + 1 and count, by entry */
	struct hit {
		uint32_t ent, count;
	} *hit;
	size_t cap, nslot = 16, nhits = 0, i, h;
	int k;

	for (i = 0; i < d->ntok; i++)
		nhits += d->tok[i].subject_ent >= 0;
	while (nslot < 2 * nhits)
		nslot <<= 1;
	if ((hit = calloc(nslot, sizeof(*hit))) == NULL)
		return -1;
	for (i = 0; i < d->ntok; i++) {
		const struct tok *t = &d->tok[i];
		uint32_t ent = (uint32_t)t->subject_ent + 1;

		if (t->subject_ent < 0)
			continue;
		for (h = (size_t)t->subject_ent * 2654435761U & (nslot - 1);
		    hit[h].ent != 0 && hit[h].ent != ent;
		    h = (h + 1) & (nslot - 1))
			;
		hit[h].ent = ent;
		hit[h].count++;
		i += t->subject_words - 1;
	}
	cap = d->words / 100 > 3 ? d->words / 100 : 3;
	for (h = 0; h < nslot; h++) {
		const struct lex_entry *e;
		double c;

		if (hit[h].ent == 0)
			continue;
		e = &d->lex->ent[hit[h].ent - 1];
		c = hit[h].count > cap ? (double)cap : (double)hit[h].count;
		for (k = 0; k < e->nsubj; k++) {
			score[e->subj_topic[k]] += e->subj_weight[k] * c;
			distinct[e->subj_topic[k]]++;
		}
	}
	free(hit);
	return 0;
}

int
find_subjects(struct doc *d, struct extraction *x)
{
	double score[18] = { 0 };
	int distinct[18] = { 0 }, order[18], n = 0, k, j;
	double denom = d->words > 200 ? (double)d->words : 200.0, best;

	if (keyword_scores(d, score, distinct) != 0)
		return -1;
	for (k = 1; k <= 17; k++) {
		score[k] = score[k] * 1000.0 / denom;
		if (score[k] >= 15.0 && distinct[k] >= 2)
			order[n++] = k;
	}
	/* best first; equal scores in code order */
	for (k = 1; k < n; k++)
		for (j = k; j > 0 && score[order[j]] > score[order[j - 1]]; j--) {
			int tmp = order[j];

			order[j] = order[j - 1];
			order[j - 1] = tmp;
		}
	if (n == 0)
		return 0;
	best = score[order[0]];
	if ((x->subjects = calloc(3, sizeof(*x->subjects))) == NULL)
		return -1;
	for (k = 0; k < n && x->nsubjects < 3; k++) {
		struct extract_subject *s = &x->subjects[x->nsubjects];
		double sc = score[order[k]];

		if (sc * 3.0 < best)
			break;
		snprintf(s->qcode, sizeof(s->qcode), "medtop:%02d000000",
		    order[k]);
		s->label = topic_labels[order[k]];
		s->confidence = (int)(100.0 * sc / (sc + 30.0) + 0.5);
		if (s->confidence < 1)
			s->confidence = 1;
		if (s->confidence > 100)
			s->confidence = 100;
		x->nsubjects++;
	}
	return 0;
}
