/**
 * The person's export as a person reads it: French headings and labels, not codes or English keys, dates as
 * 31/01/2026. Plain text (UTF-8): printable, and nothing in it runs when opened.
 */

/** What the readable export needs of the export (structurally the JSON export, with names of the staff). */
export interface ReadableExportInput {
  readonly exportedAt: string;
  readonly file: {
    readonly firstName: string | null;
    readonly lastName: string | null;
    readonly birthDate: string | null;
    readonly email: string | null;
    readonly phone: string | null;
    readonly address: string | null;
    readonly postalCode: string | null;
    readonly communeName: string | null;
    readonly orientationDate: string;
    readonly status: string;
    readonly exitReason?: string | null;
    readonly cvPlatform: string | null;
    readonly cvDepositedOn?: string | null;
    readonly labels: Record<string, string>;
    readonly diagnostic: {
      readonly experiences: ReadonlyArray<{ romeCode?: string; jobTitle?: string; months: number }>;
      readonly skills: ReadonlyArray<{ code: string; evidence: string }>;
      readonly desiredOccupations: readonly string[];
      readonly drivingLicence: boolean;
      readonly vehicle: boolean;
      readonly maxDistanceKm: number;
      readonly contractTypes: readonly string[];
      readonly workingTime: string;
      readonly availabilityDate: string | null;
      readonly certificates?: readonly string[];
    } | null;
    readonly barriers: ReadonlyArray<{
      id?: string;
      kind: string;
      status: string;
      description: string | null;
      actions: string | null;
      healthNote?: string | null;
    }>;
    readonly cers: ReadonlyArray<{
      signedOn: string;
      startDate: string;
      endDate: string;
      beneficiaryCommitments: readonly string[];
      serviceCommitments: readonly string[];
      outcome: string | null;
      outcomeOn: string | null;
    }>;
    /** The action plan (absent from exports made before objectives existed). */
    readonly objectives?: ReadonlyArray<{
      title: string;
      status: string;
      dueOn: string | null;
      barrierId: string | null;
      commitment: string | null;
      steps: ReadonlyArray<{ label: string; dueOn: string | null; doneOn: string | null }>;
    }>;
    readonly events: ReadonlyArray<{
      kind: string;
      occurredOn: string;
      note: string | null;
      aid: { kind: string; amount: number | null; decision: string } | null;
    }>;
    readonly proposals: ReadonlyArray<{ title: string; employerName: string | null; proposedAt: Date | string }>;
    readonly consents: ReadonlyArray<{ purpose: string; grantedAt: Date | string; revokedAt: Date | string | null }>;
  };
  readonly jobs: ReadonlyArray<{
    employerName: string;
    contractType: string;
    contractMonths: number | null;
    weeklyHours: number | null;
    startDate: string;
    durable: boolean;
    endDate: string | null;
    endReason: string | null;
  }>;
  readonly followUps: ReadonlyArray<{
    kind: string;
    milestone: string;
    dueOn: string;
    employerName: string | null;
    answeredAt: Date | string | null;
    inJob: boolean | null;
    rsaExit: boolean | null;
    difficulties: readonly string[];
    employerView: string | null;
    note: string | null;
  }>;
  readonly accessLog: ReadonlyArray<{ occurredAt: Date | string; actorUserId: string; action: string }>;
  readonly notifications: ReadonlyArray<{ message: string; createdAt: Date | string }>;
  readonly shares: ReadonlyArray<{
    recipientName: string;
    parts: readonly string[];
    healthNoteVisible: boolean;
    endsOn: string;
    createdAt: Date | string;
    revokedAt: Date | string | null;
  }>;
  /** Appointments and workshops (absent from exports made before they were exported). */
  readonly appointments?: ReadonlyArray<{
    kind: string;
    title: string | null;
    place: string | null;
    startsAt: Date | string;
    cancelled: boolean;
    attendance: string | null;
  }>;
  /** Messages sent to the person (absent from exports made before they were exported). */
  readonly messages?: ReadonlyArray<{ channel: string; purpose: string; status: string; at: Date | string }>;
  /** Employers' answers to cards and shortlists (absent from exports made before they were exported). */
  readonly employerAnswers?: ReadonlyArray<{
    via: string;
    employerName: string;
    offerTitle: string | null;
    answeredAt: Date | string;
    answer: string;
    refusalReason: string | null;
    proposedInterview: string | null;
    message: string | null;
  }>;
  /** Employers' questions on shortlists and the replies sent to them. */
  readonly employerExchanges?: ReadonlyArray<{
    employerName: string;
    offerTitle: string | null;
    from: string;
    body: string;
    at: Date | string;
  }>;
  /** Employers' answers to follow-up forms. */
  readonly employerFollowUpAnswers?: ReadonlyArray<{
    milestone: string;
    employerName: string | null;
    job: string;
    answeredAt: Date | string;
    inJob: boolean;
    endDate: string | null;
    endReason: string | null;
    remark: string | null;
  }>;
  /** Display names of the staff in the access log, by user id. */
  readonly staffNames: Record<string, string>;
}

export const FRENCH_LABELS = {
  status: {
    oriented: 'orienté·e',
    in_coaching: 'en accompagnement',
    ended: 'accompagnement terminé',
    reoriented: 'réorienté·e',
  },
  exitReason: {
    job: 'emploi',
    training: 'formation',
    business_creation: 'création d’entreprise',
    moved: 'déménagement',
    health: 'santé',
    no_contact: 'sans nouvelles',
    other: 'autre',
  },
  barrier: {
    mobility: 'Mobilité',
    childcare: 'Garde d’enfants',
    housing: 'Logement',
    debt: 'Endettement',
    health: 'Santé',
    digital: 'Numérique',
    language: 'Langue',
    administrative: 'Démarches administratives',
  },
  barrierStatus: { identified: 'repéré', in_progress: 'en cours', resolved: 'levé' },
  objectiveStatus: { planned: 'prévu', in_progress: 'en cours', achieved: 'atteint', abandoned: 'abandonné' },
  event: {
    meeting: 'Entretien',
    call: 'Appel',
    email: 'E-mail',
    workshop: 'Atelier',
    application: 'Candidature',
    training: 'Formation',
    pmsmp: 'PMSMP (immersion)',
    cv_work: 'Travail sur le CV',
    aid_request: 'Demande d’aide',
  },
  aid: { childcare: 'garde d’enfants', mobility: 'mobilité', equipment: 'équipement', other: 'autre' },
  aidDecision: { pending: 'en attente', granted: 'accordée', refused: 'refusée' },
  cerOutcome: {
    renewed: 'renouvelé',
    exit_job: 'sortie vers l’emploi',
    exit_training: 'sortie vers une formation',
    exit_other: 'autre sortie',
    reoriented: 'réorientation',
  },
  consent: {
    share_profile_with_employers: 'Partager sa fiche avec des employeurs',
    photo: 'Photo sur la fiche',
    contact_by_email: 'Recevoir invitations et rappels par e-mail',
    contact_by_sms: 'Recevoir invitations et rappels par SMS',
    share_file_with_professionals: 'Partager son dossier avec d’autres professionnels',
  },
  contract: {
    cdi: 'CDI',
    cdd: 'CDD',
    interim: 'Intérim',
    alternance: 'Alternance',
    saisonnier: 'Saisonnier',
    contrat_aide: 'Contrat aidé',
    independant: 'Indépendant',
    other: 'Autre',
  },
  workingTime: { full_time: 'temps plein', part_time: 'temps partiel', any: 'indifférent' },
  endReason: {
    contract_end: 'fin de contrat',
    resignation: 'démission',
    dismissal: 'licenciement',
    trial_period_end: 'fin de période d’essai',
    other: 'autre',
  },
  milestone: { m1: '1 mois', m3: '3 mois', m6: '6 mois' },
  employerAnswer: {
    interested: 'souhaite rencontrer la personne',
    not_now: 'pas pour le moment',
    question: 'une question',
  },
  answerVia: { card_link: 'fiche', shortlist: 'sélection de profils' },
  refusalReason: {
    position_filled: 'le poste est déjà pourvu',
    skills_mismatch: 'les savoir-faire ne correspondent pas au poste',
    experience: 'pas assez d’expérience pour ce poste',
    schedule: 'les horaires ou la disponibilité ne conviennent pas',
    distance: 'trop loin ou pas de moyen de transport',
    not_hiring_now: 'pas de recrutement pour le moment',
    other: 'autre raison',
  },
  followUpKind: { placement: 'après la prise de poste', coaching_end: 'après la fin de l’accompagnement' },
  difficulty: {
    transport: 'transport',
    childcare: 'garde d’enfants',
    hours: 'horaires',
    relations_at_work: 'relations au travail',
    health: 'santé',
    pay: 'rémunération',
    other: 'autre',
  },
  evidence: {
    declared: 'déclarée',
    observed: 'observée',
    work_experience: 'expérience professionnelle',
    pmsmp: 'PMSMP',
    certified: 'certifiée',
  },
  sharedPart: {
    contact: 'coordonnées',
    diagnostic: 'diagnostic',
    barriers: 'freins',
    cers: 'CER',
    objectives: 'plan d’action',
    journal: 'journal',
  },
  appointment: {
    in_person: 'Rendez-vous en présentiel',
    phone: 'Rendez-vous téléphonique',
    video: 'Rendez-vous en visio',
    collective: 'Atelier collectif',
  },
  attendance: { present: 'présent·e', absent: 'absent·e', excused: 'excusé·e' },
  channel: { email: 'E-mail', sms: 'SMS' },
  messagePurpose: {
    invitation: 'invitation à choisir un rendez-vous',
    reminder: 'rappel de rendez-vous',
    moved: 'rendez-vous déplacé',
  },
  messageStatus: { sent: 'envoyé', failed: 'échec de l’envoi' },
  auditAction: {
    read: 'consultation',
    list: 'consultation (liste)',
    create: 'création',
    update: 'modification',
    delete: 'suppression',
    export: 'export',
    share: 'partage',
    login: 'connexion',
    login_failed: 'connexion refusée',
  },
} as const satisfies Record<string, Record<string, string>>;

type Table = keyof typeof FRENCH_LABELS;

/** The French label of a code, else the code itself (a value added since). */
export function frenchLabel(table: Table, code: string | null | undefined): string {
  if (code === null || code === undefined) return '—';
  return (FRENCH_LABELS[table] as Record<string, string>)[code] ?? code;
}

/** 2026-01-31 (or an instant) → 31/01/2026, in Paris. */
export function frenchDay(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  return new Date(value).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
}

/** An instant → 31/01/2026 à 14:00, in Paris. */
function frenchDayTime(value: Date | string): string {
  const time = new Date(value).toLocaleTimeString('fr-FR', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${frenchDay(value)} à ${time}`;
}

const yesNo = (value: boolean | null): string => (value === null ? 'non renseigné' : value ? 'oui' : 'non');

/** The readable export: one section per part, each line a label and its value. */
export function readableExport(data: ReadableExportInput): string {
  const { file } = data;
  const out: string[] = [];
  const section = (title: string) => out.push('', title.toUpperCase(), '='.repeat(title.length));
  const line = (label: string, value: string | number | null | undefined) =>
    out.push(`${label} : ${value === null || value === undefined || value === '' ? '—' : value}`);
  const item = (text: string) => out.push(`- ${text}`);
  const none = (list: readonly unknown[], text = 'Aucun élément.') => list.length === 0 && out.push(text);
  const label = (code: string) => (file.labels[code] ? `${file.labels[code]} (${code})` : code);

  out.push('DOSSIER PASSERELLE — DONNÉES PERSONNELLES', `Exporté le ${frenchDay(data.exportedAt)}`);
  section('Identité et coordonnées');
  line('Prénom', file.firstName);
  line('Nom', file.lastName);
  line('Date de naissance', frenchDay(file.birthDate));
  line('E-mail', file.email);
  line('Téléphone', file.phone);
  line('Adresse', [file.address, file.postalCode, file.communeName].filter(Boolean).join(' '));
  line('Orientation le', frenchDay(file.orientationDate));
  line('Situation', frenchLabel('status', file.status));
  if (file.exitReason) line('Motif de sortie', frenchLabel('exitReason', file.exitReason));
  line(
    'CV sur une plateforme',
    file.cvDepositedOn ? `${file.cvPlatform ?? ''}, déposé le ${frenchDay(file.cvDepositedOn)}` : 'non déposé',
  );

  section('Diagnostic');
  const diagnostic = file.diagnostic;
  if (!diagnostic) out.push('Pas de diagnostic.');
  else {
    line('Métiers visés', diagnostic.desiredOccupations.map(label).join(', '));
    line('Contrats recherchés', diagnostic.contractTypes.map((code) => frenchLabel('contract', code)).join(', '));
    line('Temps de travail', frenchLabel('workingTime', diagnostic.workingTime));
    line('Distance maximale', `${diagnostic.maxDistanceKm} km`);
    line('Permis B', yesNo(diagnostic.drivingLicence));
    line('Véhicule', yesNo(diagnostic.vehicle));
    line('Disponible le', frenchDay(diagnostic.availabilityDate));
    line('Certificats et habilitations', (diagnostic.certificates ?? []).join(', '));
    out.push('Expériences :');
    none(diagnostic.experiences);
    for (const experience of diagnostic.experiences)
      item(`${experience.jobTitle ?? label(experience.romeCode ?? '')} — ${experience.months} mois`);
    out.push('Compétences :');
    none(diagnostic.skills);
    for (const skill of diagnostic.skills) item(`${label(skill.code)} (${frenchLabel('evidence', skill.evidence)})`);
  }

  section('Freins');
  none(file.barriers);
  for (const barrier of file.barriers) {
    item(`${frenchLabel('barrier', barrier.kind)} — ${frenchLabel('barrierStatus', barrier.status)}`);
    if (barrier.description) out.push(`  Description : ${barrier.description}`);
    if (barrier.actions) out.push(`  Actions : ${barrier.actions}`);
    if (barrier.healthNote) out.push(`  Note de santé : ${barrier.healthNote}`);
  }

  section('Contrats d’engagements réciproques (CER)');
  none(file.cers);
  for (const cer of file.cers) {
    item(`Signé le ${frenchDay(cer.signedOn)}, du ${frenchDay(cer.startDate)} au ${frenchDay(cer.endDate)}`);
    out.push(`  Engagements de la personne : ${cer.beneficiaryCommitments.join(' ; ') || '—'}`);
    out.push(`  Engagements du service : ${cer.serviceCommitments.join(' ; ') || '—'}`);
    if (cer.outcome) out.push(`  Issue : ${frenchLabel('cerOutcome', cer.outcome)} le ${frenchDay(cer.outcomeOn)}`);
  }

  section('Objectifs (plan d’action)');
  const objectives = file.objectives ?? [];
  none(objectives);
  for (const objective of objectives) {
    const due = objective.dueOn ? `, pour le ${frenchDay(objective.dueOn)}` : '';
    item(`${objective.title} — ${frenchLabel('objectiveStatus', objective.status)}${due}`);
    const barrier = file.barriers.find(
      (candidate) => candidate.id !== undefined && candidate.id === objective.barrierId,
    );
    if (barrier) out.push(`  Frein travaillé : ${frenchLabel('barrier', barrier.kind)}`);
    if (objective.commitment) out.push(`  Engagement du CER : ${objective.commitment}`);
    for (const step of objective.steps)
      out.push(
        `  [${step.doneOn ? 'x' : ' '}] ${step.label}${step.dueOn ? ` (pour le ${frenchDay(step.dueOn)})` : ''}${step.doneOn ? ` — fait le ${frenchDay(step.doneOn)}` : ''}`,
      );
  }

  section('Journal des contacts et actions');
  none(file.events);
  for (const event of file.events) {
    const aid = event.aid
      ? ` — aide ${frenchLabel('aid', event.aid.kind)}${event.aid.amount !== null ? ` de ${event.aid.amount.toLocaleString('fr-FR')} €` : ''}, ${frenchLabel('aidDecision', event.aid.decision)}`
      : '';
    item(
      `${frenchDay(event.occurredOn)} — ${frenchLabel('event', event.kind)}${event.note ? ` : ${event.note}` : ''}${aid}`,
    );
  }

  section('Rendez-vous et ateliers');
  const appointments = data.appointments ?? [];
  none(appointments);
  for (const appointment of appointments) {
    const what = `${frenchLabel('appointment', appointment.kind)}${appointment.title ? ` « ${appointment.title} »` : ''}`;
    const where = appointment.place ? ` (${appointment.place})` : '';
    const how = appointment.cancelled
      ? ' — annulé'
      : appointment.attendance
        ? ` — ${frenchLabel('attendance', appointment.attendance)}`
        : '';
    item(`${frenchDayTime(appointment.startsAt)} — ${what}${where}${how}`);
  }

  section('Messages envoyés');
  const messages = data.messages ?? [];
  none(messages);
  for (const message of messages)
    item(
      `${frenchDay(message.at)} — ${frenchLabel('channel', message.channel)} : ${frenchLabel('messagePurpose', message.purpose)} (${frenchLabel('messageStatus', message.status)})`,
    );

  section('Offres proposées');
  none(file.proposals);
  for (const proposal of file.proposals)
    item(
      `${proposal.title} — ${proposal.employerName ?? 'employeur non précisé'} (le ${frenchDay(proposal.proposedAt)})`,
    );

  section('Emplois');
  none(data.jobs);
  for (const job of data.jobs) {
    const months = job.contractMonths !== null ? ` de ${job.contractMonths} mois` : '';
    const hours = job.weeklyHours !== null ? `, ${job.weeklyHours.toLocaleString('fr-FR')} h par semaine` : '';
    item(
      `${frenchLabel('contract', job.contractType)}${months} chez ${job.employerName}, depuis le ${frenchDay(job.startDate)}${hours}${job.durable ? ' (emploi durable)' : ''}`,
    );
    if (job.endDate) out.push(`  Fin le ${frenchDay(job.endDate)} : ${frenchLabel('endReason', job.endReason)}`);
  }

  section('Suivis après l’emploi ou l’accompagnement');
  none(data.followUps);
  for (const followUp of data.followUps) {
    const about = followUp.employerName ? ` (${followUp.employerName})` : '';
    item(
      `Point à ${frenchLabel('milestone', followUp.milestone)} ${frenchLabel('followUpKind', followUp.kind)}${about}, prévu le ${frenchDay(followUp.dueOn)}`,
    );
    if (!followUp.answeredAt) out.push('  Pas encore de réponse.');
    else {
      out.push(
        `  Réponse du ${frenchDay(followUp.answeredAt)} : en emploi ${yesNo(followUp.inJob)}, sortie du RSA ${yesNo(followUp.rsaExit)}`,
      );
      if (followUp.difficulties.length > 0)
        out.push(`  Difficultés : ${followUp.difficulties.map((code) => frenchLabel('difficulty', code)).join(', ')}`);
      if (followUp.employerView) out.push(`  Avis de l’employeur : ${followUp.employerView}`);
      if (followUp.note) out.push(`  Note : ${followUp.note}`);
    }
  }

  section('Réponses des employeurs');
  const answers = data.employerAnswers ?? [];
  none(answers);
  for (const answer of answers) {
    const offer = answer.offerTitle ? ` pour « ${answer.offerTitle} »` : '';
    item(
      `${frenchDay(answer.answeredAt)} — ${answer.employerName}${offer} (${frenchLabel('answerVia', answer.via)}) : ${frenchLabel('employerAnswer', answer.answer)}${answer.refusalReason ? `, ${frenchLabel('refusalReason', answer.refusalReason)}` : ''}`,
    );
    if (answer.proposedInterview) out.push(`  Entretien : ${answer.proposedInterview}`);
    if (answer.message) out.push(`  Message : ${answer.message}`);
  }
  const exchanges = data.employerExchanges ?? [];
  if (exchanges.length > 0) {
    out.push('', 'Échanges avec les employeurs :');
    for (const message of exchanges)
      item(
        `${frenchDay(message.at)} — ${message.from === 'employer' ? `${message.employerName} a écrit` : `Le service a répondu à ${message.employerName}`} : ${message.body}`,
      );
  }

  section('Réponses des employeurs aux suivis d’emploi');
  const followUpAnswers = data.employerFollowUpAnswers ?? [];
  none(followUpAnswers);
  for (const answer of followUpAnswers) {
    const about = answer.employerName ? ` (${answer.employerName})` : '';
    item(
      `Point à ${frenchLabel('milestone', answer.milestone)}, ${answer.job}${about}, réponse du ${frenchDay(answer.answeredAt)} : ${answer.inJob ? 'toujours en poste' : `plus en poste depuis le ${frenchDay(answer.endDate)} (${frenchLabel('endReason', answer.endReason)})`}`,
    );
    if (answer.remark) out.push(`  Message de l’employeur : ${answer.remark}`);
  }

  section('Consentements');
  none(file.consents);
  for (const consent of file.consents)
    item(
      `${frenchLabel('consent', consent.purpose)} : donné le ${frenchDay(consent.grantedAt)}${consent.revokedAt ? `, retiré le ${frenchDay(consent.revokedAt)}` : ''}`,
    );

  section('Partages du dossier avec d’autres professionnels');
  none(data.shares);
  for (const share of data.shares)
    item(
      `Avec ${share.recipientName}, le ${frenchDay(share.createdAt)}, jusqu’au ${frenchDay(share.endsOn)} : ${share.parts.map((part) => frenchLabel('sharedPart', part)).join(', ')}${share.healthNoteVisible ? ', note de santé' : ''}${share.revokedAt ? ` (révoqué le ${frenchDay(share.revokedAt)})` : ''}`,
    );

  section('Notifications');
  none(data.notifications);
  for (const notification of data.notifications) item(`${frenchDay(notification.createdAt)} — ${notification.message}`);

  section('Qui a consulté ou modifié le dossier');
  none(data.accessLog);
  for (const entry of data.accessLog)
    item(
      `${frenchDay(entry.occurredAt)} — ${frenchLabel('auditAction', entry.action)} par ${data.staffNames[entry.actorUserId] ?? 'un membre du service'}`,
    );
  return `${out.join('\n')}\n`;
}
