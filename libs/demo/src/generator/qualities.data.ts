// ROME 4.0 v60 savoir-être professionnels (France Travail, Licence Ouverte / Open Licence v2.0), verbatim.
import type { DemoQuality } from './demo-job.js';

export const DEMO_QUALITIES: readonly DemoQuality[] = [
  {
    code: '300412',
    label: "Etre à l'écoute, faire preuve d'empathie",
    description:
      "Capacité à écouter activement, réceptionner des informations et messages, faire preuve d'ouverture d'esprit et de diplomatie.",
  },
  {
    code: '300416',
    label: 'Inspirer, donner du sens',
    description: "Capacité à transmettre un message afin de susciter la réflexion et guider l'action.",
  },
  {
    code: '300460',
    label: "Faire preuve d'autonomie",
    description:
      "Capacité à prendre en charge son activité sans devoir être encadré de façon continue (le cas échéant, à solliciter les autres acteurs de l'entreprise).",
  },
  {
    code: '300461',
    label: 'Faire preuve de sens des responsabilités',
    description:
      "Capacité à engager sa responsabilité pour atteindre un objectif clairement exprimé et à signaler les éventuels freins à lever pour atteindre l'objectif.",
  },
  {
    code: '300465',
    label: "Avoir l'esprit d'équipe",
    description:
      "Capacité à travailler et à se coordonner avec les autres au sein de l'entreprise pour réaliser les objectifs fixés.",
  },
  {
    code: '300467',
    label: 'Etre force de proposition',
    description:
      'Capacité à initier, imaginer des propositions nouvelles pour résoudre les problèmes identifiés ou améliorer une situation. Être proactif.',
  },
  {
    code: '300473',
    label: 'Faire preuve de réactivité',
    description:
      "Capacité à réagir rapidement face à des évènements et à des imprévus, en hiérarchisant les actions, en fonction de leur degré d'urgence / d'importance.",
  },
  {
    code: '300478',
    label: 'Faire preuve de contrôle de soi',
    description:
      'Capacité à garder le contrôle de soi pour agir efficacement face à des situations irritantes, imprévues, stressantes.',
  },
  {
    code: '300479',
    label: 'Etre ouvert aux changements',
    description:
      "Capacité à s'adapter à des situations variées, à réagir à l'imprévu, gérer l'incertitude pour s'ajuster à des organisations, des collectifs de travail, des habitudes, des valeurs propres à l'entreprise.",
  },
  {
    code: '300483',
    label: 'Organiser son travail selon les priorités et les objectifs',
    description:
      'Capacité à planifier, prioriser, anticiper des actions, en tenant compte des moyens, des ressources, des objectifs et du calendrier pour les réaliser.',
  },
  {
    code: '300485',
    label: 'Faire preuve de persévérance',
    description:
      "Capacité à maintenir son effort jusqu'à l'achèvement complet d'une tâche quels que soient les imprévus, les obstacles de réalisation rencontrés.",
  },
  {
    code: '300489',
    label: 'Faire preuve de leadership',
    description:
      "Capacité à mobiliser une équipe/des interlocuteurs et à les entraîner dans la poursuite d'un objectif partagé.",
  },
  {
    code: '300490',
    label: 'Faire preuve de rigueur et de précision',
    description:
      "Capacité à réaliser des tâches en suivant avec exactitude les règles, les procédures, les instructions qui ont été fournies, sans réaliser d'erreur et à transmettre clairement des informations. Se montrer ponctuel et respectueux des règles de savoir-vivre usuelles.",
  },
  {
    code: '300493',
    label: "Faire preuve de curiosité, d'ouverture d'esprit",
    description:
      "Capacité à aller chercher au-delà de ce qui est donné à voir, à s'ouvrir sur la nouveauté et à investiguer pour comprendre et agir de façon appropriée.",
  },
  {
    code: '300497',
    label: "Faire preuve de créativité, d'inventivité",
    description: 'Capacité à créer, imaginer quelque chose de nouveau (nouveau produit, nouvelle solution, ...).',
  },
  {
    code: '399999',
    label: 'Avoir le sens du service',
    description:
      'Capacité à identifier (voire anticiper) les besoins des usagers, clients (internes et externes) et à apporter une réponse adaptée afin de les satisfaire.',
  },
];
