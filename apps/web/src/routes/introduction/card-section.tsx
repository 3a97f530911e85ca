import { type FormEvent, useEffect, useState } from 'react';
import { Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { api, describeError, ok } from '../../api/client';
import type { CandidateCardResponse, components, IntroductionResponse } from '../../api/types';
import { Checks } from '../../ui/forms';
import { Alert, Badge, Button, formatDate } from '../../ui/ui';
import { CardPreview } from './card-preview';
import { useCardChoices } from './use-introduction-data';

const CARD_SKILLS_MAX = 12;

/**
 * Where the person's validation of the card stands (from their space): no card link leaves before
 * they validated its current content, so the coach sees here whether it may be sent.
 */
function ValidationState({ validation }: { validation: IntroductionResponse['cardValidation'] }) {
  if (!validation) return null;
  if (validation.state === 'validated')
    return (
      <p>
        <Badge tone="success">Carte validée par la personne le {formatDate(validation.decidedAt)}</Badge>
      </p>
    );
  const why =
    validation.state === 'change_requested'
      ? `La personne a demandé une modification le ${formatDate(validation.decidedAt)}${validation.comment ? ` : « ${validation.comment} »` : '.'}`
      : validation.state === 'outdated'
        ? `La fiche a été modifiée depuis ${validation.decision === 'validated' ? 'sa validation' : 'la réponse de la personne'} du ${formatDate(validation.decidedAt)} : la personne doit la valider à nouveau dans son espace.`
        : 'La personne ne l’a pas encore validée dans son espace.';
  return (
    <>
      <p>
        <Badge tone="warning">En attente de validation</Badge>
      </p>
      <p className="muted">{why} Aucun lien ne part vers l’employeur avant sa validation.</p>
    </>
  );
}
const CARD_QUALITIES_MAX = 8;

/** The candidate card: the coach edits what the employer sees (note, skills, qualities) beside a preview. */
export function CardSection({
  view,
  mayEdit,
  onSaved,
}: {
  view: IntroductionResponse;
  mayEdit: boolean;
  onSaved: (card: CandidateCardResponse) => void;
}) {
  const card = view.card;
  // The labels offered: those on the card, then every other skill and quality of the person's file (the API's
  // choices, for the coach who may edit), so a label taken off can be put back.
  const [knownSkills, setKnownSkills] = useState<string[]>(() => [...(card?.skills ?? [])]);
  const [knownQualities, setKnownQualities] = useState<string[]>(() => [...(card?.qualities ?? [])]);
  const [note, setNote] = useState(card?.note ?? '');
  const [skills, setSkills] = useState<string[]>(() => [...(card?.skills ?? [])]);
  const [qualities, setQualities] = useState<string[]>(() => [...(card?.qualities ?? [])]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!card) return;
    setKnownSkills((previous) => [...new Set([...card.skills, ...previous])]);
    setKnownQualities((previous) => [...new Set([...card.qualities, ...previous])]);
  }, [card]);
  const { data: choices } = useCardChoices(view.id, mayEdit && card !== null);
  useEffect(() => {
    if (!choices) return;
    setKnownSkills((previous) => [...new Set([...previous, ...choices.skills])]);
    setKnownQualities((previous) => [...new Set([...previous, ...choices.qualities])]);
  }, [choices]);

  if (!card)
    return (
      <section aria-labelledby="intro-card">
        <h2 id="intro-card">Fiche candidat</h2>
        <p>La fiche est créée quand la personne accepte la mise en relation.</p>
      </section>
    );

  const ordered = (selected: string[], known: string[]) => known.filter((label) => selected.includes(label));
  const draft: CandidateCardResponse = {
    ...card,
    note: note.trim() ? note.trim() : null,
    skills: ordered(skills, knownSkills),
    qualities: ordered(qualities, knownQualities),
  };
  const tooMany = skills.length > CARD_SKILLS_MAX || qualities.length > CARD_QUALITIES_MAX;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      const body: components['schemas']['CardEditRequest'] = {
        note: draft.note,
        skills: [...draft.skills],
        qualities: [...draft.qualities],
      };
      const next = await ok(api.PUT('/introductions/{id}/card', { params: { path: { id: view.id } }, body }));
      setSaved(true);
      onSaved(next);
    } catch (caught) {
      setProblem(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="intro-card">
      <h2 id="intro-card">Fiche candidat</h2>
      <ValidationState validation={view.cardValidation} />
      <div className="grid">
        {mayEdit && (
          <div className="card">
            <h3 style={{ marginTop: 0 }}>Modifier la fiche</h3>
            {problem && <Alert>{problem}</Alert>}
            {saved && <Alert kind="success">Fiche enregistrée.</Alert>}
            <Form onSubmit={(event) => void save(event)} aria-label="Modifier la fiche candidat">
              <TextField value={note} onChange={setNote} className="field" maxLength={1000}>
                <Label>Le mot du conseiller</Label>
                <TextArea rows={4} />
                <Text slot="description" className="muted">
                  Facultatif, 1 000 caractères au plus ; visible par l’employeur.
                </Text>
              </TextField>
              <Checks
                label={`Savoir-faire montrés (${CARD_SKILLS_MAX} au plus)`}
                options={knownSkills.map((label) => ({ id: label, label }))}
                value={skills}
                onChange={setSkills}
                isInvalid={skills.length > CARD_SKILLS_MAX}
                errorMessage={`Choisissez ${CARD_SKILLS_MAX} savoir-faire au plus.`}
              />
              <Checks
                label={`Qualités montrées (${CARD_QUALITIES_MAX} au plus)`}
                options={knownQualities.map((label) => ({ id: label, label }))}
                value={qualities}
                onChange={setQualities}
                isInvalid={qualities.length > CARD_QUALITIES_MAX}
                errorMessage={`Choisissez ${CARD_QUALITIES_MAX} qualités au plus.`}
              />
              <div className="actions">
                <Button type="submit" isDisabled={busy || tooMany}>
                  {busy ? 'Enregistrement…' : 'Enregistrer la fiche'}
                </Button>
                <Button
                  variant="secondary"
                  onPress={() => {
                    setNote(card.note ?? '');
                    setSkills([...card.skills]);
                    setQualities([...card.qualities]);
                    setSaved(false);
                  }}
                >
                  Annuler les modifications
                </Button>
              </div>
            </Form>
          </div>
        )}
        <div className="card" style={{ borderLeft: '5px solid var(--accent)' }}>
          <h3 style={{ marginTop: 0 }}>{mayEdit ? 'Aperçu : ce que voit l’employeur' : 'Ce que voit l’employeur'}</h3>
          <CardPreview card={draft} />
        </div>
      </div>
    </section>
  );
}
