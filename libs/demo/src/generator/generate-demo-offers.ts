import { DEMO_COMMUNES } from './communes.data.js';
import type { DemoJob } from './demo-job.js';
import type {
  DemoCommune,
  DemoContract,
  DemoContractType,
  DemoEmployer,
  DemoExperience,
  DemoLicence,
  DemoOffer,
  DemoOfferRef,
  DemoPlatform,
  DemoRegion,
  DemoSalary,
  DemoWorkingTime,
} from './demo-offer.js';
import { DEMO_SECTORS, fillCommune, PRIVATE_EMPLOYER } from './employers.data.js';
import { DEMO_JOBS } from './jobs.data.js';
import { composeDescription, type EmployerKind } from './offer-description.js';
import { COPY_STREAM, NATIVE_STREAM, offerIdCodec, type OfferIdCodec } from './offer-ids.js';
import {
  contractLabel,
  experienceLabel,
  licenceLabel,
  salaryText,
  workingTimeLabel,
  type SalaryFacts,
} from './offer-wording.js';
import { DAY_MS, startOfUtcDay } from './paris-time.js';
import { hash32, Rng, WeightedPicker } from './prng.js';
import { DEMO_QUALITIES } from './qualities.data.js';
import { demoSiret } from './siret.js';

export interface GenerateDemoOffersOptions {
  readonly count: number;
  readonly seed: number;
  /** Default: the platform's region (Nordemploi nord, Job Connexion alsace, France Travail mixed). */
  readonly region?: DemoRegion;
  /** Whose ids and wording the offers get. Default: the platform of the region (mixed: France Travail). */
  readonly platform?: DemoPlatform;
  /** Offers are published within the 30 days before this instant. Default: the start of today (UTC). */
  readonly referenceDate?: Date | string;
  /** Share of offers also posted on another platform. Default 0.05. */
  readonly crossPostRate?: number;
}

export interface DemoGeneratorOptions {
  readonly seed: number;
  readonly platform: DemoPlatform;
  readonly region: DemoRegion;
  readonly referenceDate: Date;
  readonly crossPostRate: number;
}

/** What a server needs to list, filter and sort an offer without generating all of it. */
export interface DemoOfferCore {
  readonly index: number;
  readonly id: string;
  readonly platform: DemoPlatform;
  readonly commune: DemoCommune;
  readonly job: DemoJob;
  readonly contractType: DemoContractType;
  readonly apprenticeship: boolean;
  readonly publishedMs: number;
  /** Where this offer is also posted, if it is. */
  readonly crossPostedTo?: DemoOfferRef;
}

export const DEFAULT_CROSS_POST_RATE = 0.05;
const PUBLICATION_WINDOW_MS = 30 * DAY_MS;
const SMIC_HOURLY = 11.88;
const SMIC_MONTHLY_35H = 1801.8;

export function regionOfDepartement(departement: string): 'nord' | 'alsace' {
  return departement === '67' || departement === '68' ? 'alsace' : 'nord';
}

export function defaultRegion(platform: DemoPlatform): DemoRegion {
  return platform === 'nordemploi' ? 'nord' : platform === 'job-connexion' ? 'alsace' : 'mixed';
}

function defaultPlatform(region: DemoRegion): DemoPlatform {
  return region === 'nord' ? 'nordemploi' : region === 'alsace' ? 'job-connexion' : 'france-travail';
}

export function communesOf(region: DemoRegion): readonly DemoCommune[] {
  return region === 'mixed'
    ? DEMO_COMMUNES
    : DEMO_COMMUNES.filter((c) => regionOfDepartement(c.departement) === region);
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * Builds demo offers one at a time: offer `i` depends only on (seed, platform, region, reference
 * date, i), so a server can generate any page of a huge catalogue on demand, in any order.
 */
export class DemoOfferGenerator {
  readonly options: DemoGeneratorOptions;
  private readonly communes: WeightedPicker<DemoCommune>;
  private readonly jobs: Readonly<Record<'nord' | 'alsace', WeightedPicker<DemoJob>>>;
  private readonly codecs: Readonly<Record<DemoPlatform, OfferIdCodec>>;
  private readonly referenceMs: number;

  constructor(options: DemoGeneratorOptions) {
    this.options = options;
    this.referenceMs = options.referenceDate.getTime();
    // Bigger towns get more offers, but not in proportion: sqrt keeps small communes visible.
    this.communes = new WeightedPicker(communesOf(options.region), (c) => Math.sqrt(c.population));
    const jobsFor = (region: 'nord' | 'alsace'): WeightedPicker<DemoJob> =>
      new WeightedPicker(
        DEMO_JOBS.filter((job) => job.regions === 'all' || job.regions === region),
        (job) => job.weight,
      );
    this.jobs = { nord: jobsFor('nord'), alsace: jobsFor('alsace') };
    this.codecs = {
      nordemploi: offerIdCodec('nordemploi', options.seed),
      'job-connexion': offerIdCodec('job-connexion', options.seed),
      'france-travail': offerIdCodec('france-travail', options.seed),
    };
  }

  get platform(): DemoPlatform {
    return this.options.platform;
  }

  idOf(index: number): string {
    return this.codecs[this.options.platform].encode({ stream: NATIVE_STREAM, index });
  }

  /** The index of one of this generator's offers from its id, if the id is one. */
  indexOf(id: string): number | undefined {
    const slot = this.codecs[this.options.platform].decode(id);
    return slot?.stream === NATIVE_STREAM ? slot.index : undefined;
  }

  /** The id the copy of offer `index` gets on `target`. */
  copyIdOf(index: number, target: DemoPlatform): string {
    return this.codecs[target].encode({ stream: COPY_STREAM[this.options.platform], index });
  }

  core(index: number): DemoOfferCore {
    return this.drawCore(index).core;
  }

  offer(index: number): DemoOffer {
    const { core, rng } = this.drawCore(index);
    return this.completeOffer(core, rng);
  }

  private drawCore(index: number): { core: DemoOfferCore; rng: Rng } {
    const { seed, platform, crossPostRate } = this.options;
    const rng = new Rng(hash32('offer', seed, platform, index));
    const commune = this.communes.pick(rng);
    const region = regionOfDepartement(commune.departement);
    const job = this.jobs[region].pick(rng);
    const contractKey = rng.weighted(job.contracts);
    const publishedMs = Math.floor((this.referenceMs - rng.next() * PUBLICATION_WINDOW_MS) / 60_000) * 60_000;
    let crossPostedTo: DemoOfferRef | undefined;
    if (rng.chance(crossPostRate)) {
      const target: DemoPlatform =
        platform !== 'france-travail' ? 'france-travail' : region === 'nord' ? 'nordemploi' : 'job-connexion';
      crossPostedTo = { platform: target, id: this.copyIdOf(index, target) };
    }
    const core: DemoOfferCore = {
      index,
      id: this.idOf(index),
      platform,
      commune,
      job,
      contractType: contractKey === 'APP' ? 'CDD' : contractKey,
      apprenticeship: contractKey === 'APP',
      publishedMs,
      ...(crossPostedTo ? { crossPostedTo } : {}),
    };
    return { core, rng };
  }

  private completeOffer(core: DemoOfferCore, rng: Rng): DemoOffer {
    const { platform } = this.options;
    const { job, commune } = core;
    const region = regionOfDepartement(commune.departement);
    const title = rng.pick(job.titles);

    const agency = core.contractType === 'MIS' && !core.apprenticeship;
    const employerSector = agency ? 'interim' : job.sector;
    const sectorProfile = DEMO_SECTORS[employerSector];
    const employerName = fillCommune(rng.pick(sectorProfile.employers[region]), commune.name);
    const employerKind: EmployerKind = agency
      ? 'agency'
      : employerName === PRIVATE_EMPLOYER
        ? 'private'
        : job.sector === 'collectivite'
          ? 'public'
          : 'company';
    const showSiret = employerKind !== 'private' && rng.chance(0.75);
    const employer: DemoEmployer = {
      name: employerName,
      ...(showSiret ? { siret: demoSiret(employerName) } : {}),
      sector: employerSector,
      nafCode: sectorProfile.nafCode,
      nafLabel: sectorProfile.nafLabel,
      // The size of a company does not change from one offer to the next.
      sizeLabel:
        employerKind === 'private'
          ? '0 salarié'
          : sectorProfile.sizes[hash32('size', employerName) % sectorProfile.sizes.length],
      description:
        employerKind === 'private'
          ? 'Particulier employeur.'
          : `${sectorProfile.blurb.charAt(0).toUpperCase()}${sectorProfile.blurb.slice(1)}.`,
    };

    const durationMonths = ((): number | undefined => {
      if (core.apprenticeship) return rng.pick([12, 24]);
      switch (core.contractType) {
        case 'CDI':
          return undefined;
        case 'CDD':
          return rng.pick([1, 2, 3, 4, 6, 6, 6, 8, 9, 12, 18]);
        case 'MIS':
          return rng.chance(0.2) ? undefined : rng.pick([1, 2, 3, 6]);
        case 'SAI':
          return rng.pick([1, 2, 3, 4, 6]);
      }
    })();
    const contractFacts = {
      type: core.contractType,
      apprenticeship: core.apprenticeship,
      ...(durationMonths === undefined ? {} : { durationMonths }),
    };
    const contract: DemoContract = { ...contractFacts, label: contractLabel(platform, contractFacts) };

    const fullTime = !(job.partTimeHours.length > 0 && rng.chance(job.partTimeRate));
    const weeklyHours = rng.pick(fullTime ? job.fullTimeHours : job.partTimeHours);
    const schedule = rng.pick(job.schedules);
    const workingTime: DemoWorkingTime = {
      fullTime,
      weeklyHours,
      schedule,
      label: workingTimeLabel(platform, fullTime, weeklyHours, schedule),
    };

    const salaryFacts = this.drawSalary(job, fullTime, weeklyHours, rng);
    const salary: DemoSalary | undefined = salaryFacts && {
      ...salaryFacts,
      text: salaryText(platform, salaryFacts, rng),
    };

    let drivingLicence: DemoLicence | undefined;
    if (job.licence && rng.chance(job.licence.mentionRate)) {
      const required = rng.chance(job.licence.requiredRate);
      drivingLicence = {
        category: job.licence.category,
        required,
        label: licenceLabel(platform, job.licence.category, required),
      };
    }

    const requirement = rng.weighted(job.experience);
    const months = requirement === 'D' ? 0 : requirement === 'S' ? rng.pick([6, 12, 24]) : rng.pick([12, 24, 36]);
    const experience: DemoExperience = { requirement, months, label: experienceLabel(platform, requirement, months) };

    const skills = rng
      .sample(job.skills, rng.int(Math.min(3, job.skills.length), Math.min(6, job.skills.length)))
      .map((skill) => ({ ...skill, required: rng.chance(0.5) }));
    const qualities = rng
      .sample(job.qualityCodes, rng.int(2, Math.min(3, job.qualityCodes.length)))
      .map((code) => DEMO_QUALITIES.find((quality) => quality.code === code))
      .filter((quality) => quality !== undefined);

    const positions = Number(rng.weighted({ 1: 75, 2: 15, 3: 7, 5: 3 }));
    const untilReference = Math.max(0, this.referenceMs - core.publishedMs);
    const updatedMs =
      core.publishedMs + Math.floor((rng.next() * Math.min(3 * DAY_MS, untilReference)) / 60_000) * 60_000;
    // At least 31 days after publication, hence after the reference date: listed offers are open.
    const expiresMs = rng.chance(0.4) ? core.publishedMs + rng.pick([31, 45, 60]) * DAY_MS : undefined;

    const description = composeDescription(
      {
        job,
        employerName,
        employerKind,
        sector: DEMO_SECTORS[job.sector],
        ...(agency ? { agency: sectorProfile } : {}),
        commune,
        contract,
        workingTime,
        ...(salary ? { salary } : {}),
        ...(drivingLicence ? { licence: drivingLicence } : {}),
        experience,
        skills,
        qualities,
      },
      rng,
    );

    return {
      id: core.id,
      platform,
      title,
      description,
      romeCode: job.romeCode,
      romeLabel: job.romeLabel,
      appellationCode: job.appellationCode,
      appellationLabel: job.appellationLabel,
      skills,
      qualities,
      requirements: job.requirements,
      employer,
      commune,
      contract,
      workingTime,
      ...(salary ? { salary } : {}),
      ...(drivingLicence ? { drivingLicence } : {}),
      experience,
      positions,
      qualificationCode: job.qualificationCode,
      publishedAt: new Date(core.publishedMs).toISOString(),
      updatedAt: new Date(updatedMs).toISOString(),
      ...(expiresMs === undefined ? {} : { expiresAt: new Date(expiresMs).toISOString() }),
      alsoOn: core.crossPostedTo ? [core.crossPostedTo] : [],
    };
  }

  private drawSalary(job: DemoJob, fullTime: boolean, weeklyHours: number, rng: Rng): SalaryFacts | undefined {
    const hourly = Math.max(
      SMIC_HOURLY,
      round2(job.hourlyWage.min + rng.next() * (job.hourlyWage.max - job.hourlyWage.min)),
    );
    const kind = rng.weighted({ absent: 12, none: 12, hour: 26, month: 34, range: 10, year: fullTime ? 6 : 0 });
    const monthsPerYear = rng.chance(0.15) ? 13 : 12;
    // The SMIC for 35 hours is an official rounded figure, not hourly × 151.67.
    const monthly =
      hourly === SMIC_HOURLY && weeklyHours === 35 ? SMIC_MONTHLY_35H : round2((hourly * weeklyHours * 52) / 12);
    switch (kind) {
      case 'absent':
        return undefined;
      case 'none':
        return { period: 'none' };
      case 'hour':
        return { period: 'hour', min: hourly, monthsPerYear };
      case 'month':
        return { period: 'month', min: rng.chance(0.5) ? monthly : Math.round(monthly / 10) * 10, monthsPerYear };
      case 'range': {
        const min = Math.floor(monthly / 50) * 50;
        return { period: 'month', min, max: min + rng.pick([100, 150, 200, 300]), monthsPerYear };
      }
      case 'year':
        return { period: 'year', min: Math.round((monthly * 12) / 100) * 100, monthsPerYear: 12 };
    }
  }
}

export function resolveGeneratorOptions(options: Omit<GenerateDemoOffersOptions, 'count'>): DemoGeneratorOptions {
  const platform = options.platform ?? defaultPlatform(options.region ?? 'mixed');
  const referenceDate =
    options.referenceDate === undefined ? startOfUtcDay(new Date()) : new Date(options.referenceDate);
  if (Number.isNaN(referenceDate.getTime()))
    throw new RangeError(`invalid referenceDate: ${String(options.referenceDate)}`);
  const crossPostRate = options.crossPostRate ?? DEFAULT_CROSS_POST_RATE;
  if (!(crossPostRate >= 0 && crossPostRate <= 1))
    throw new RangeError(`crossPostRate must be in [0, 1]: ${crossPostRate}`);
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer: ${options.seed}`);
  return {
    seed: options.seed,
    platform,
    region: options.region ?? defaultRegion(platform),
    referenceDate,
    crossPostRate,
  };
}

/**
 * `count` realistic French job offers for people on the RSA, the same for the same options on any
 * machine. About `crossPostRate` of them are marked as also posted on another platform (`alsoOn`);
 * `crossPostedCopy` builds that other platform's version.
 */
export function generateDemoOffers(options: GenerateDemoOffersOptions): DemoOffer[] {
  if (!Number.isInteger(options.count) || options.count < 0)
    throw new RangeError(`count must be a natural number: ${options.count}`);
  const generator = new DemoOfferGenerator(resolveGeneratorOptions(options));
  return Array.from({ length: options.count }, (_, index) => generator.offer(index));
}
